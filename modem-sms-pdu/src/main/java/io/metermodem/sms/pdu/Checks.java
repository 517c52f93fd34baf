package io.metermodem.sms.pdu;

import java.util.Optional;

/** Argument checks shared by the message records. */
final class Checks {

    private Checks() {
    }

    static void octet(String name, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(name + " " + value + " is not an octet");
        }
    }

    static void serviceCentre(Optional<Address> serviceCentre) {
        if (serviceCentre.isPresent() && serviceCentre.get().type() == TypeOfNumber.ALPHANUMERIC) {
            throw new IllegalArgumentException("an SMSC address is a number, not alphanumeric");
        }
    }

    static void userData(DataCoding coding, UserData userData) {
        if (coding.compressed()) {
            throw new IllegalArgumentException("compressed user data (DCS " + coding + ") is not supported");
        }
        if (coding.alphabet() == Alphabet.DATA_8BIT) {
            if (!userData.text().isEmpty()) {
                throw new IllegalArgumentException("DCS " + coding + " carries 8-bit data, not a text");
            }
        } else {
            if (userData.binaryLength() != 0) {
                throw new IllegalArgumentException("DCS " + coding + " carries a text, not 8-bit data");
            }
            if (coding.alphabet() == Alphabet.GSM_7BIT && !GsmAlphabet.canEncode(userData.text())) {
                throw new IllegalArgumentException("the text has characters outside the GSM 7-bit alphabet; use UCS-2");
            }
        }
    }
}
