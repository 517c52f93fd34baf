package io.metermodem.sms.pdu;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes one PDU. Every read is bounds-checked against the PDU, so malformed input ends in a
 * {@link MalformedPduException} naming the field and octet; nothing is allocated beyond the PDU's size.
 */
final class PduDecoder {

    private final byte[] pdu;
    private int position;

    private PduDecoder(byte[] pdu) {
        this.pdu = pdu;
    }

    static Sms decode(byte[] pdu, boolean withServiceCentre) throws MalformedPduException {
        if (pdu.length > SmsPdu.MAX_PDU_OCTETS) {
            throw new MalformedPduException(PduField.HEX, SmsPdu.MAX_PDU_OCTETS,
                    pdu.length + " octets; no PDU is longer than " + SmsPdu.MAX_PDU_OCTETS);
        }
        return new PduDecoder(pdu).message(withServiceCentre);
    }

    private Sms message(boolean withServiceCentre) throws MalformedPduException {
        Optional<Address> serviceCentre = withServiceCentre ? serviceCentre() : Optional.empty();
        int firstOctetAt = position;
        int first = u8(PduField.FIRST_OCTET, "first octet");
        return switch (first & 3) {
            case 0 -> deliver(serviceCentre, first);
            case 1 -> submit(serviceCentre, first);
            case 2 -> statusReport(serviceCentre, first);
            default -> throw new MalformedPduException(PduField.FIRST_OCTET, firstOctetAt,
                    String.format("message type indicator 11 is reserved (first octet %02X)", first));
        };
    }

    private SmsDeliver deliver(Optional<Address> serviceCentre, int first) throws MalformedPduException {
        Address originator = address("originator address (TP-OA)");
        int pid = u8(PduField.PROTOCOL_ID, "protocol identifier (TP-PID)");
        DataCoding coding = dataCoding();
        OffsetDateTime time = timestamp(PduField.TIMESTAMP, "service centre time stamp (TP-SCTS)");
        UserData userData = userData(coding, (first & 0x40) != 0);
        end();
        return new SmsDeliver(serviceCentre, originator, (first & 0x04) == 0, (first & 0x80) != 0,
                (first & 0x20) != 0, pid, coding, time, userData);
    }

    private SmsSubmit submit(Optional<Address> serviceCentre, int first) throws MalformedPduException {
        int reference = u8(PduField.MESSAGE_REFERENCE, "message reference (TP-MR)");
        int destinationAt = position;
        Address destination = address("destination address (TP-DA)");
        if (destination.type() == TypeOfNumber.ALPHANUMERIC) {
            throw new MalformedPduException(PduField.ADDRESS, destinationAt, "a destination address cannot be alphanumeric");
        }
        int pid = u8(PduField.PROTOCOL_ID, "protocol identifier (TP-PID)");
        DataCoding coding = dataCoding();
        ValidityPeriod validity = switch ((first >>> 3) & 3) {
            case 0 -> new ValidityPeriod.None();
            case 2 -> new ValidityPeriod.Relative(u8(PduField.VALIDITY_PERIOD, "relative validity period (TP-VP)"));
            case 3 -> new ValidityPeriod.Absolute(timestamp(PduField.VALIDITY_PERIOD, "absolute validity period (TP-VP)"));
            default -> new ValidityPeriod.Enhanced(take(7, PduField.VALIDITY_PERIOD, "enhanced validity period (TP-VP)"));
        };
        UserData userData = userData(coding, (first & 0x40) != 0);
        end();
        return new SmsSubmit(serviceCentre, reference, destination, (first & 0x04) != 0, (first & 0x80) != 0,
                (first & 0x20) != 0, pid, coding, validity, userData);
    }

    private SmsStatusReport statusReport(Optional<Address> serviceCentre, int first) throws MalformedPduException {
        int reference = u8(PduField.MESSAGE_REFERENCE, "message reference (TP-MR)");
        Address recipient = address("recipient address (TP-RA)");
        OffsetDateTime time = timestamp(PduField.TIMESTAMP, "service centre time stamp (TP-SCTS)");
        OffsetDateTime discharge = timestamp(PduField.DISCHARGE_TIME, "discharge time (TP-DT)");
        int status = u8(PduField.STATUS, "status (TP-ST)");
        OptionalInt pid = OptionalInt.empty();
        Optional<DataCoding> coding = Optional.empty();
        Optional<UserData> data = Optional.empty();
        if (position < pdu.length) {
            int indicator = u8(PduField.PARAMETER_INDICATOR, "parameter indicator (TP-PI)");
            int more = indicator;
            while ((more & 0x80) != 0) { // extension octets: nothing is defined in them yet
                more = u8(PduField.PARAMETER_INDICATOR, "parameter indicator extension (TP-PI)");
            }
            if ((indicator & 0x01) != 0) {
                pid = OptionalInt.of(u8(PduField.PROTOCOL_ID, "protocol identifier (TP-PID)"));
            }
            if ((indicator & 0x02) != 0) {
                coding = Optional.of(dataCoding());
            }
            if ((indicator & 0x04) != 0) {
                data = Optional.of(userData(coding.orElse(DataCoding.GSM_7BIT), (first & 0x40) != 0));
            }
        }
        end();
        return new SmsStatusReport(serviceCentre, reference, recipient, (first & 0x04) == 0, (first & 0x20) != 0,
                time, discharge, status, pid, coding, data);
    }

    private Optional<Address> serviceCentre() throws MalformedPduException {
        int at = position;
        int length = u8(PduField.SMSC_LENGTH, "SMSC length");
        if (length == 0) {
            return Optional.empty();
        }
        if (length > 11) {
            throw new MalformedPduException(PduField.SMSC_LENGTH, at,
                    "SMSC address of " + length + " octets; at most 11 (type and 10 octets of digits)");
        }
        int typeAt = position;
        int type = u8(PduField.SMSC_ADDRESS, "SMSC type of address");
        if (TypeOfNumber.of(type >>> 4) == TypeOfNumber.ALPHANUMERIC) {
            // TS 24.011 carries the SMSC as a BCD number; a packed name would have no septet count, so
            // 8n-1 septets could not be told from 8n (the trailing '@' bug).
            throw new MalformedPduException(PduField.SMSC_ADDRESS, typeAt, String.format(
                    "type of address %02X is alphanumeric; an SMSC address is a number", type));
        }
        int digitsAt = position;
        byte[] octets = take(length - 1, PduField.SMSC_ADDRESS, "SMSC address digits");
        int semiOctets = 2 * octets.length;
        if (semiOctets > 0 && (octets[octets.length - 1] & 0xF0) == 0xF0) {
            semiOctets--;
        }
        return Optional.of(new Address(TypeOfNumber.of(type >>> 4), type & 0x0F,
                digits(octets, semiOctets, digitsAt, PduField.SMSC_ADDRESS)));
    }

    private Address address(String what) throws MalformedPduException {
        int at = position;
        int semiOctets = u8(PduField.ADDRESS, what + " length");
        if (semiOctets > Address.MAX_DIGITS) {
            throw new MalformedPduException(PduField.ADDRESS, at,
                    what + " of " + semiOctets + " semi-octets; at most " + Address.MAX_DIGITS);
        }
        int type = u8(PduField.ADDRESS, what + " type");
        int digitsAt = position;
        byte[] octets = take((semiOctets + 1) / 2, PduField.ADDRESS, what);
        TypeOfNumber ton = TypeOfNumber.of(type >>> 4);
        if (ton == TypeOfNumber.ALPHANUMERIC) {
            return alphanumeric(octets, semiOctets, digitsAt);
        }
        return new Address(ton, type & 0x0F, digits(octets, semiOctets, digitsAt, PduField.ADDRESS));
    }

    private static Address alphanumeric(byte[] octets, int semiOctets, int at) throws MalformedPduException {
        int septets = semiOctets * 4 / 7;
        String name = GsmAlphabet.fromSeptets(GsmAlphabet.unpack(octets, 0, 0, septets), 0, septets);
        if (GsmAlphabet.septetCount(name) > Address.MAX_ALPHANUMERIC_SEPTETS) {
            throw new MalformedPduException(PduField.ADDRESS, at, "alphanumeric address longer than "
                    + Address.MAX_ALPHANUMERIC_SEPTETS + " septets");
        }
        return Address.alphanumeric(name);
    }

    private static String digits(byte[] octets, int count, int at, PduField field) throws MalformedPduException {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            int nibble = (i & 1) == 0 ? octets[i / 2] & 0x0F : (octets[i / 2] >>> 4) & 0x0F;
            if (nibble == 0xF) {
                throw new MalformedPduException(field, at + i / 2, "filler F inside the digits");
            }
            digits.append(Address.digitChar(nibble));
        }
        return digits.toString();
    }

    private DataCoding dataCoding() throws MalformedPduException {
        int at = position;
        DataCoding coding = new DataCoding(u8(PduField.DATA_CODING, "data coding scheme (TP-DCS)"));
        if (coding.compressed()) {
            throw new MalformedPduException(PduField.DATA_CODING, at,
                    String.format("DCS %02X announces compressed text, which is not supported", coding.octet()));
        }
        return coding;
    }

    private OffsetDateTime timestamp(PduField field, String what) throws MalformedPduException {
        int at = position;
        byte[] octets = take(7, field, what);
        int[] values = new int[6];
        for (int i = 0; i < 6; i++) {
            int low = octets[i] & 0x0F;
            int high = (octets[i] >>> 4) & 0x0F;
            if (low > 9 || high > 9) {
                throw new MalformedPduException(field, at + i, String.format("%s: octet %02X is not two decimal digits",
                        what, octets[i] & 0xFF));
            }
            values[i] = low * 10 + high;
        }
        int zone = octets[6] & 0xFF;
        int tens = zone & 0x07;
        int units = zone >>> 4;
        if (units > 9) {
            throw new MalformedPduException(field, at + 6, String.format("%s: time zone octet %02X is not decimal", what, zone));
        }
        int quarters = tens * 10 + units;
        if (quarters > 72) {
            throw new MalformedPduException(field, at + 6, what + ": time zone of " + quarters
                    + " quarter hours is beyond ±18 h");
        }
        int offsetSeconds = ((zone & 0x08) != 0 ? -quarters : quarters) * 15 * 60;
        try {
            return OffsetDateTime.of(LocalDateTime.of(2000 + values[0], values[1], values[2], values[3], values[4], values[5]),
                    ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            throw new MalformedPduException(field, at, what + ": not a valid date and time: " + e.getMessage());
        }
    }

    private UserData userData(DataCoding coding, boolean hasHeader) throws MalformedPduException {
        int lengthAt = position;
        int length = u8(PduField.USER_DATA_LENGTH, "user data length (TP-UDL)");
        Alphabet alphabet = coding.alphabet();
        int octets;
        if (alphabet == Alphabet.GSM_7BIT) {
            if (length > SmsPdu.MAX_SEPTETS) {
                throw new MalformedPduException(PduField.USER_DATA_LENGTH, lengthAt,
                        length + " septets; at most " + SmsPdu.MAX_SEPTETS);
            }
            octets = GsmAlphabet.packedLength(length);
        } else {
            if (length > SmsPdu.MAX_OCTETS) {
                throw new MalformedPduException(PduField.USER_DATA_LENGTH, lengthAt,
                        length + " octets; at most " + SmsPdu.MAX_OCTETS);
            }
            octets = length;
        }
        int dataAt = position;
        int available = pdu.length - dataAt;
        if (available < octets) {
            throw new MalformedPduException(PduField.USER_DATA, pdu.length, "TP-UDL " + length + " needs " + octets
                    + " octet(s) of user data, only " + available + " present");
        }
        List<InformationElement> header = new ArrayList<>();
        int headerOctets = 0;
        if (hasHeader) {
            if (octets == 0) {
                throw new MalformedPduException(PduField.USER_DATA_HEADER, dataAt, "TP-UDHI set but the user data is empty");
            }
            int headerLength = pdu[dataAt] & 0xFF;
            headerOctets = headerLength + 1;
            if (headerOctets > octets) {
                throw new MalformedPduException(PduField.USER_DATA_HEADER, dataAt, "header length " + headerLength
                        + " does not fit " + octets + " octet(s) of user data");
            }
            int i = dataAt + 1;
            int headerEnd = dataAt + headerOctets;
            while (i < headerEnd) {
                if (i + 2 > headerEnd) {
                    throw new MalformedPduException(PduField.USER_DATA_HEADER, i, "information element cut off by the header's end");
                }
                int iei = pdu[i] & 0xFF;
                int ieLength = pdu[i + 1] & 0xFF;
                if (i + 2 + ieLength > headerEnd) {
                    throw new MalformedPduException(PduField.USER_DATA_HEADER, i, String.format(
                            "information element %02X of %d octet(s) runs past the header's end", iei, ieLength));
                }
                byte[] data = new byte[ieLength];
                System.arraycopy(pdu, i + 2, data, 0, ieLength);
                header.add(new InformationElement(iei, data));
                i += 2 + ieLength;
            }
        }
        UserData userData;
        switch (alphabet) {
            case GSM_7BIT -> {
                // The text starts at the first septet boundary after the header (fill bits skipped).
                int firstSeptet = (headerOctets * 8 + 6) / 7;
                if (firstSeptet > length) {
                    throw new MalformedPduException(PduField.USER_DATA_LENGTH, lengthAt, "TP-UDL " + length
                            + " septets is shorter than the " + firstSeptet + " septets of the header");
                }
                byte[] septets = GsmAlphabet.unpack(pdu, dataAt, firstSeptet, length);
                userData = UserData.text(GsmAlphabet.fromSeptets(septets, 0, septets.length));
            }
            case UCS2 -> {
                int textOctets = octets - headerOctets;
                if ((textOctets & 1) != 0) {
                    throw new MalformedPduException(PduField.USER_DATA, dataAt + octets - 1,
                            "UCS-2 text of " + textOctets + " octets, an odd number");
                }
                char[] chars = new char[textOctets / 2];
                for (int c = 0; c < chars.length; c++) {
                    int at = dataAt + headerOctets + 2 * c;
                    chars[c] = (char) ((pdu[at] & 0xFF) << 8 | pdu[at + 1] & 0xFF);
                }
                userData = UserData.text(new String(chars));
            }
            default -> {
                byte[] data = new byte[octets - headerOctets];
                System.arraycopy(pdu, dataAt + headerOctets, data, 0, data.length);
                userData = UserData.binary(data);
            }
        }
        position = dataAt + octets;
        return userData.withHeader(header);
    }

    private void end() throws MalformedPduException {
        if (position != pdu.length) {
            throw new MalformedPduException(PduField.USER_DATA, position,
                    (pdu.length - position) + " octet(s) after the end of the message");
        }
    }

    private int u8(PduField field, String what) throws MalformedPduException {
        if (position >= pdu.length) {
            throw new MalformedPduException(field, position, what + " missing: the PDU ends");
        }
        return pdu[position++] & 0xFF;
    }

    private byte[] take(int count, PduField field, String what) throws MalformedPduException {
        if (pdu.length - position < count) {
            throw new MalformedPduException(field, position, what + ": " + count + " octet(s) needed, "
                    + (pdu.length - position) + " left");
        }
        byte[] out = new byte[count];
        System.arraycopy(pdu, position, out, 0, count);
        position += count;
        return out;
    }
}
