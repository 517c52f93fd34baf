package io.metermodem.sms.pdu;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Encodes the message records into PDUs, SMSC prefix first. */
final class PduEncoder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(180);

    private PduEncoder() {
    }

    /** @return the PDU with its SMSC prefix; {@code [0]} of the result says how many octets the prefix has */
    static byte[] encode(Sms sms) {
        PduEncoder encoder = new PduEncoder();
        encoder.serviceCentre(sms.serviceCentre());
        switch (sms) {
            case SmsDeliver d -> encoder.deliver(d);
            case SmsSubmit s -> encoder.submit(s);
            case SmsStatusReport r -> encoder.statusReport(r);
        }
        return encoder.out.toByteArray();
    }

    private void deliver(SmsDeliver d) {
        UserData ud = d.userData();
        out.write((d.moreMessagesToSend() ? 0 : 0x04) | (d.statusReportIndication() ? 0x20 : 0)
                | (ud.header().isEmpty() ? 0 : 0x40) | (d.replyPath() ? 0x80 : 0));
        address(d.originator());
        out.write(d.protocolId());
        out.write(d.dataCoding().octet());
        timestamp(d.serviceCentreTime());
        userData(d.dataCoding(), ud);
    }

    private void submit(SmsSubmit s) {
        UserData ud = s.userData();
        out.write(0x01 | (s.rejectDuplicates() ? 0x04 : 0) | s.validityPeriod().format() << 3
                | (s.statusReportRequest() ? 0x20 : 0) | (ud.header().isEmpty() ? 0 : 0x40) | (s.replyPath() ? 0x80 : 0));
        out.write(s.messageReference());
        address(s.destination());
        out.write(s.protocolId());
        out.write(s.dataCoding().octet());
        switch (s.validityPeriod()) {
            case ValidityPeriod.None n -> { }
            case ValidityPeriod.Relative r -> out.write(r.octet());
            case ValidityPeriod.Absolute a -> timestamp(a.expiry());
            case ValidityPeriod.Enhanced e -> out.writeBytes(e.octets());
        }
        userData(s.dataCoding(), ud);
    }

    private void statusReport(SmsStatusReport r) {
        boolean hasHeader = r.reportData().isPresent() && !r.reportData().get().header().isEmpty();
        out.write(0x02 | (r.moreMessagesToSend() ? 0 : 0x04) | (r.statusReportQualifier() ? 0x20 : 0)
                | (hasHeader ? 0x40 : 0));
        out.write(r.messageReference());
        address(r.recipient());
        timestamp(r.serviceCentreTime());
        timestamp(r.dischargeTime());
        out.write(r.status());
        int indicator = (r.protocolId().isPresent() ? 1 : 0) | (r.dataCoding().isPresent() ? 2 : 0)
                | (r.reportData().isPresent() ? 4 : 0);
        if (indicator != 0) {
            out.write(indicator);
            r.protocolId().ifPresent(out::write);
            r.dataCoding().ifPresent(c -> out.write(c.octet()));
            r.reportData().ifPresent(ud -> userData(r.dataCoding().orElse(DataCoding.GSM_7BIT), ud));
        }
    }

    private void serviceCentre(Optional<Address> serviceCentre) {
        if (serviceCentre.isEmpty()) {
            out.write(0);
            return;
        }
        Address smsc = serviceCentre.get();
        byte[] value = addressValue(smsc);
        out.write(1 + value.length);
        out.write(smsc.typeOctet());
        out.writeBytes(value);
    }

    private void address(Address address) {
        byte[] value = addressValue(address);
        if (address.type() == TypeOfNumber.ALPHANUMERIC) {
            out.write((GsmAlphabet.septetCount(address.digits()) * 7 + 3) / 4);
        } else {
            out.write(address.digits().length());
        }
        out.write(address.typeOctet());
        out.writeBytes(value);
    }

    private static byte[] addressValue(Address address) {
        String digits = address.digits();
        if (address.type() == TypeOfNumber.ALPHANUMERIC) {
            byte[] septets = GsmAlphabet.toSeptets(digits);
            byte[] packed = new byte[GsmAlphabet.packedLength(septets.length)];
            GsmAlphabet.pack(septets, 0, packed, 0);
            return packed;
        }
        byte[] packed = new byte[(digits.length() + 1) / 2];
        for (int i = 0; i < digits.length(); i++) {
            int code = Address.digitCode(digits.charAt(i));
            packed[i / 2] |= (byte) ((i & 1) == 0 ? code : code << 4);
        }
        if ((digits.length() & 1) != 0) {
            packed[packed.length - 1] |= (byte) 0xF0;
        }
        return packed;
    }

    private void timestamp(OffsetDateTime time) {
        int year = time.getYear();
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("time stamp year " + year + " is not 2000..2099");
        }
        int offset = time.getOffset().getTotalSeconds();
        if (offset % (15 * 60) != 0) {
            throw new IllegalArgumentException("time zone " + time.getOffset() + " is not a whole number of quarter hours");
        }
        int[] values = {year - 2000, time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond()};
        for (int value : values) {
            out.write(swappedBcd(value));
        }
        int quarters = Math.abs(offset) / (15 * 60);
        out.write(swappedBcd(quarters) | (offset < 0 ? 0x08 : 0));
    }

    private static int swappedBcd(int value) {
        return (value % 10) << 4 | value / 10;
    }

    private void userData(DataCoding coding, UserData ud) {
        byte[] encoded = userDataOctets(coding.alphabet(), ud);
        out.write(encoded[0] & 0xFF);
        out.write(encoded, 1, encoded.length - 1);
    }

    /** TP-UDL then TP-UD. */
    static byte[] userDataOctets(Alphabet alphabet, UserData ud) {
        int headerOctets = ud.headerLength();
        if (headerOctets > SmsPdu.MAX_OCTETS) {
            throw new IllegalArgumentException("user data header of " + headerOctets + " octets does not fit a message");
        }
        byte[] body;
        int length;
        switch (alphabet) {
            case GSM_7BIT -> {
                byte[] septets = GsmAlphabet.toSeptets(ud.text());
                int firstSeptet = (headerOctets * 8 + 6) / 7;
                length = firstSeptet + septets.length;
                if (length > SmsPdu.MAX_SEPTETS) {
                    throw new IllegalArgumentException("user data of " + length + " septets (header and fill included)"
                            + " is more than the " + SmsPdu.MAX_SEPTETS + " one message holds");
                }
                body = new byte[GsmAlphabet.packedLength(length)];
                GsmAlphabet.pack(septets, firstSeptet, body, 0);
            }
            case UCS2 -> {
                String text = ud.text();
                length = headerOctets + 2 * text.length();
                if (length > SmsPdu.MAX_OCTETS) {
                    throw new IllegalArgumentException("user data of " + length + " octets is more than the "
                            + SmsPdu.MAX_OCTETS + " one message holds");
                }
                body = new byte[length];
                for (int i = 0; i < text.length(); i++) {
                    body[headerOctets + 2 * i] = (byte) (text.charAt(i) >>> 8);
                    body[headerOctets + 2 * i + 1] = (byte) text.charAt(i);
                }
            }
            default -> {
                length = headerOctets + ud.binaryLength();
                if (length > SmsPdu.MAX_OCTETS) {
                    throw new IllegalArgumentException("user data of " + length + " octets is more than the "
                            + SmsPdu.MAX_OCTETS + " one message holds");
                }
                body = new byte[length];
                System.arraycopy(ud.binaryUnsafe(), 0, body, headerOctets, ud.binaryLength());
            }
        }
        if (headerOctets > 0) {
            // The header overwrites the first octets; in 7-bit the text starts after them and the fill bits.
            body[0] = (byte) (headerOctets - 1);
            int i = 1;
            for (InformationElement element : ud.header()) {
                body[i++] = (byte) element.identifier();
                body[i++] = (byte) (element.length() - 2);
                for (int k = 0; k < element.length() - 2; k++) {
                    body[i++] = element.dataAt(k);
                }
            }
        }
        byte[] result = new byte[1 + body.length];
        result[0] = (byte) length;
        System.arraycopy(body, 0, result, 1, body.length);
        return result;
    }
}
