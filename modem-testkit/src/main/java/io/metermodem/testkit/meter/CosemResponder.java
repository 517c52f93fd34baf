package io.metermodem.testkit.meter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * The application layer of {@link SimpleDlmsMeter}, sans-I/O: an xDLMS APDU in, the answer out
 * (IEC 62056-53 ACSE and xDLMS services, object model of IEC 62056-62). It knows one association
 * at a time and a handful of objects; see {@link SimpleDlmsMeter} for what is supported.
 *
 * <p>Malformed APDUs yield {@link Outcome#malformed} with the reason, never an exception.
 */
final class CosemResponder {

    /** LN referencing without ciphering: 2.16.756.5.8.1.1 (DLMS UA application context 1). */
    static final byte[] CONTEXT_LN_NO_CIPHERING = {0x60, (byte) 0x85, 0x74, 0x05, 0x08, 0x01, 0x01};
    /** Authentication mechanism "lowest level security" (none): 2.16.756.5.8.2.0. */
    static final byte[] MECHANISM_LOWEST = {0x60, (byte) 0x85, 0x74, 0x05, 0x08, 0x02, 0x00};
    /** Authentication mechanism "low level security" (password): 2.16.756.5.8.2.1. */
    static final byte[] MECHANISM_LLS = {0x60, (byte) 0x85, 0x74, 0x05, 0x08, 0x02, 0x01};
    /** Conformance block the meter offers: only bit 19, "get" (byte 3, 0x10). */
    static final int SUPPORTED_CONFORMANCE = 0x000010;

    static final byte[] OBIS_LOGICAL_DEVICE_NAME = {0, 0, 42, 0, 0, (byte) 255};
    static final byte[] OBIS_SERIAL_NUMBER = {0, 0, 96, 1, 0, (byte) 255};
    static final byte[] OBIS_ACTIVE_ENERGY_IMPORT = {1, 0, 1, 8, 0, (byte) 255};
    static final byte[] OBIS_CLOCK = {0, 0, 1, 0, 0, (byte) 255};

    // data-access-result values (IEC 62056-53)
    static final int OBJECT_UNDEFINED = 4;
    static final int OBJECT_CLASS_INCONSISTENT = 9;
    static final int OBJECT_UNAVAILABLE = 11;
    static final int OTHER_REASON = 250;

    /**
     * What an APDU led to.
     *
     * @param response  the APDU to send back, or empty
     * @param malformed why the APDU was not understood, or empty
     */
    record Outcome(Optional<byte[]> response, Optional<String> malformed) {
        static Outcome answer(byte[] apdu) {
            return new Outcome(Optional.of(apdu), Optional.empty());
        }

        static Outcome malformed(String reason) {
            return new Outcome(Optional.empty(), Optional.of(reason));
        }
    }

    private final String serialNumber;
    private final String logicalDeviceName;
    private final ZoneId zone;
    private final String password;
    private final int maxReceivePdu;
    private long activeEnergyWh;
    private boolean associated;
    private long getRequests;

    CosemResponder(String serialNumber, String logicalDeviceName, long activeEnergyWh, ZoneId zone, String password,
                   int maxReceivePdu) {
        this.serialNumber = serialNumber;
        this.logicalDeviceName = logicalDeviceName;
        this.activeEnergyWh = activeEnergyWh;
        this.zone = zone;
        this.password = password;
        this.maxReceivePdu = maxReceivePdu;
    }

    boolean associated() {
        return associated;
    }

    /** The HDLC link went down: the association dies with it. */
    void release() {
        associated = false;
    }

    long getRequests() {
        return getRequests;
    }

    void activeEnergyWh(long wh) {
        this.activeEnergyWh = wh;
    }

    /**
     * @param apdu an APDU from the client (the information field after the LLC header)
     * @param now  the wall-clock time for the clock object
     * @return the answer or the reason the APDU is malformed
     */
    Outcome handle(byte[] apdu, Instant now) {
        if (apdu.length == 0) {
            return Outcome.malformed("empty APDU");
        }
        try {
            return switch (apdu[0] & 0xFF) {
                case 0x60 -> associate(apdu);
                case 0x62 -> {
                    associated = false;
                    yield Outcome.answer(new byte[] {0x63, 0x03, (byte) 0x80, 0x01, 0x00}); // RLRE, reason normal
                }
                case 0xC0 -> get(apdu, now);
                // exception-response: service-unknown / service-not-supported
                default -> Outcome.answer(new byte[] {(byte) 0xD8, 0x02, 0x02});
            };
        } catch (Malformed e) {
            return Outcome.malformed(e.getMessage());
        }
    }

    // ---- ACSE: AARQ -> AARE ----

    private Outcome associate(byte[] apdu) throws Malformed {
        Ber outer = new Ber(apdu, 0, apdu.length);
        Ber aarq = outer.constructed(0x60);
        byte[] context = null;
        byte[] mechanism = null;
        byte[] authValue = null;
        byte[] userInfo = null;
        while (aarq.hasMore()) {
            int tag = aarq.tag();
            Ber value = aarq.value();
            switch (tag) {
                case 0xA1 -> context = value.primitive(0x06);
                case 0x8B -> mechanism = value.rest();
                case 0xAC -> authValue = value.primitive(0x80);
                case 0xBE -> userInfo = value.primitive(0x04);
                default -> { } // protocol version, AP titles, acse-requirements: not needed here
            }
        }
        if (context == null) {
            throw new Malformed("AARQ without application-context-name");
        }
        if (!Arrays.equals(context, CONTEXT_LN_NO_CIPHERING)) {
            return Outcome.answer(aare(1, 2, null, false)); // application-context-name-not-supported
        }
        boolean lls = false;
        if (mechanism != null && !Arrays.equals(mechanism, MECHANISM_LOWEST)) {
            if (!Arrays.equals(mechanism, MECHANISM_LLS) || password == null) {
                return Outcome.answer(aare(1, 11, null, false)); // authentication-mechanism-name-not-recognised
            }
            if (authValue == null || !password.equals(new String(authValue, StandardCharsets.US_ASCII))) {
                return Outcome.answer(aare(1, 13, null, false)); // authentication-failure
            }
            lls = true;
        }
        if (userInfo == null) {
            return Outcome.answer(aare(1, 1, null, false)); // no-reason-given: no InitiateRequest
        }
        int conformance = initiateRequestConformance(userInfo);
        if (conformance < 0) {
            return Outcome.answer(aare(1, 1, null, false));
        }
        associated = true;
        return Outcome.answer(aare(0, 0, initiateResponse(conformance & SUPPORTED_CONFORMANCE), lls));
    }

    /** @return the proposed conformance of an InitiateRequest, or -1 when it is not acceptable */
    private static int initiateRequestConformance(byte[] p) throws Malformed {
        Cursor c = new Cursor(p);
        if (c.u8() != 0x01) {
            throw new Malformed("user-information is not an InitiateRequest");
        }
        if (c.u8() != 0) {
            return -1; // a dedicated key means ciphering, which this meter does not do
        }
        if (c.u8() != 0) {
            c.u8(); // response-allowed given explicitly
        }
        if (c.u8() != 0) {
            c.u8(); // proposed-quality-of-service
        }
        int version = c.u8();
        if (c.u8() != 0x5F || c.u8() != 0x1F || c.u8() != 0x04 || c.u8() != 0x00) {
            throw new Malformed("InitiateRequest without the conformance block 5F 1F 04 00");
        }
        int conformance = c.u8() << 16 | c.u8() << 8 | c.u8();
        c.u8();
        c.u8(); // client-max-receive-pdu-size: our answers are far smaller than any allowed value
        return version >= 6 ? conformance : -1;
    }

    private byte[] initiateResponse(int conformance) {
        return new byte[] {0x08, 0x00, 0x06, 0x5F, 0x1F, 0x04, 0x00,
                (byte) (conformance >> 16), (byte) (conformance >> 8), (byte) conformance,
                (byte) (maxReceivePdu >> 8), (byte) maxReceivePdu, 0x00, 0x07}; // VAA name 0x0007: LN
    }

    private static byte[] aare(int result, int diagnostic, byte[] initiateResponse, boolean lls) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0xA1);
        body.write(CONTEXT_LN_NO_CIPHERING.length + 2);
        body.write(0x06);
        body.write(CONTEXT_LN_NO_CIPHERING.length);
        body.writeBytes(CONTEXT_LN_NO_CIPHERING);
        body.writeBytes(new byte[] {(byte) 0xA2, 0x03, 0x02, 0x01, (byte) result});
        body.writeBytes(new byte[] {(byte) 0xA3, 0x05, (byte) 0xA1, 0x03, 0x02, 0x01, (byte) diagnostic});
        if (lls) {
            body.writeBytes(new byte[] {(byte) 0x88, 0x02, 0x07, (byte) 0x80}); // responder-acse-requirements
            body.write(0x89);
            body.write(MECHANISM_LLS.length);
            body.writeBytes(MECHANISM_LLS);
        }
        if (initiateResponse != null) {
            body.write(0xBE);
            body.write(initiateResponse.length + 2);
            body.write(0x04);
            body.write(initiateResponse.length);
            body.writeBytes(initiateResponse);
        }
        byte[] inner = body.toByteArray();
        byte[] out = new byte[inner.length + 2];
        out[0] = 0x61;
        out[1] = (byte) inner.length; // always < 128 here
        System.arraycopy(inner, 0, out, 2, inner.length);
        return out;
    }

    // ---- xDLMS GET ----

    private Outcome get(byte[] apdu, Instant now) throws Malformed {
        if (!associated) {
            // exception-response: service-not-allowed / operation-not-possible
            return Outcome.answer(new byte[] {(byte) 0xD8, 0x01, 0x01});
        }
        Cursor c = new Cursor(apdu);
        c.u8();
        int kind = c.u8();
        int invoke = c.u8();
        if (kind != 0x01) {
            return Outcome.answer(new byte[] {(byte) 0xD8, 0x02, 0x02}); // next/with-list: not supported
        }
        int classId = c.u8() << 8 | c.u8();
        byte[] obis = c.bytes(6);
        int attribute = (byte) c.u8();
        int selective = c.u8();
        getRequests++;
        byte[] head = {(byte) 0xC4, 0x01, (byte) invoke};
        if (selective != 0) {
            return Outcome.answer(result(head, OTHER_REASON));
        }
        int expectedClass;
        if (Arrays.equals(obis, OBIS_LOGICAL_DEVICE_NAME) || Arrays.equals(obis, OBIS_SERIAL_NUMBER)) {
            expectedClass = 1;
        } else if (Arrays.equals(obis, OBIS_ACTIVE_ENERGY_IMPORT)) {
            expectedClass = 3;
        } else if (Arrays.equals(obis, OBIS_CLOCK)) {
            expectedClass = 8;
        } else {
            return Outcome.answer(result(head, OBJECT_UNDEFINED));
        }
        if (classId != expectedClass) {
            return Outcome.answer(result(head, OBJECT_CLASS_INCONSISTENT));
        }
        byte[] data = attributeValue(obis, attribute, now);
        if (data == null) {
            return Outcome.answer(result(head, OBJECT_UNAVAILABLE));
        }
        byte[] out = Arrays.copyOf(head, head.length + 1 + data.length);
        out[head.length] = 0x00; // Get-Data-Result: data
        System.arraycopy(data, 0, out, head.length + 1, data.length);
        return Outcome.answer(out);
    }

    private static byte[] result(byte[] head, int dataAccessResult) {
        byte[] out = Arrays.copyOf(head, head.length + 2);
        out[head.length] = 0x01; // Get-Data-Result: data-access-result
        out[head.length + 1] = (byte) dataAccessResult;
        return out;
    }

    /** @return the A-XDR encoded attribute value, or null when the object has no such attribute */
    private byte[] attributeValue(byte[] obis, int attribute, Instant now) {
        if (attribute == 1) {
            return octetString(obis);
        }
        if (Arrays.equals(obis, OBIS_LOGICAL_DEVICE_NAME) && attribute == 2) {
            return octetString(logicalDeviceName.getBytes(StandardCharsets.US_ASCII));
        }
        if (Arrays.equals(obis, OBIS_SERIAL_NUMBER) && attribute == 2) {
            return octetString(serialNumber.getBytes(StandardCharsets.US_ASCII));
        }
        if (Arrays.equals(obis, OBIS_ACTIVE_ENERGY_IMPORT)) {
            if (attribute == 2) {
                long v = activeEnergyWh;
                return new byte[] {0x06, (byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
            }
            if (attribute == 3) {
                return new byte[] {0x02, 0x02, 0x0F, 0x00, 0x16, 0x1E}; // {scaler 0, unit 30 = Wh}
            }
        }
        if (Arrays.equals(obis, OBIS_CLOCK) && attribute == 2) {
            return octetString(dateTime(ZonedDateTime.ofInstant(now, zone)));
        }
        return null;
    }

    private static byte[] octetString(byte[] value) {
        byte[] out = new byte[value.length + 2];
        out[0] = 0x09;
        out[1] = (byte) value.length; // all values here are shorter than 128 bytes
        System.arraycopy(value, 0, out, 2, value.length);
        return out;
    }

    /**
     * The 12-byte date-time of IEC 62056-62: year (2 bytes), month, day, day of week (1 = Monday),
     * hour, minute, second, hundredths, deviation (2 bytes, signed minutes), clock status.
     */
    static byte[] dateTime(ZonedDateTime t) {
        // deviation in the traditional DLMS sense, minutes from local time to UTC (CET = -60)
        int deviation = -t.getOffset().getTotalSeconds() / 60;
        return new byte[] {(byte) (t.getYear() >> 8), (byte) t.getYear(), (byte) t.getMonthValue(),
                (byte) t.getDayOfMonth(), (byte) t.getDayOfWeek().getValue(), (byte) t.getHour(),
                (byte) t.getMinute(), (byte) t.getSecond(), (byte) (t.getNano() / 10_000_000),
                (byte) (deviation >> 8), (byte) deviation, 0x00};
    }

    // ---- bounded readers: every out-of-range read becomes Malformed ----

    /** Malformed input found while reading an APDU; never leaves this class. */
    private static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Sequential reader of A-XDR bytes. */
    private static final class Cursor {
        private final byte[] data;
        private int at;

        Cursor(byte[] data) {
            this.data = data;
        }

        int u8() throws Malformed {
            if (at >= data.length) {
                throw new Malformed("APDU ends after " + data.length + " bytes, more expected");
            }
            return data[at++] & 0xFF;
        }

        byte[] bytes(int n) throws Malformed {
            if (at + n > data.length) {
                throw new Malformed("APDU ends after " + data.length + " bytes, " + n + " more expected");
            }
            byte[] out = Arrays.copyOfRange(data, at, at + n);
            at += n;
            return out;
        }
    }

    /** Reader of BER tag-length-value elements within a range (the ACSE APDUs are BER). */
    private static final class Ber {
        private final byte[] data;
        private final int end;
        private int at;

        Ber(byte[] data, int from, int end) {
            this.data = data;
            this.at = from;
            this.end = end;
        }

        boolean hasMore() {
            return at < end;
        }

        int tag() throws Malformed {
            if (at >= end) {
                throw new Malformed("BER element expected at " + at);
            }
            return data[at++] & 0xFF;
        }

        /** Reads a length and returns a reader over the value, skipping it here. */
        Ber value() throws Malformed {
            if (at >= end) {
                throw new Malformed("BER length missing at " + at);
            }
            int first = data[at++] & 0xFF;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7F;
                if (n < 1 || n > 2 || at + n > end) {
                    throw new Malformed("BER length form 0x" + Integer.toHexString(first) + " not supported");
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = length << 8 | (data[at++] & 0xFF);
                }
            }
            if (at + length > end) {
                throw new Malformed("BER value of " + length + " bytes runs past its container");
            }
            Ber inner = new Ber(data, at, at + length);
            at += length;
            return inner;
        }

        /** @return a reader over the value of the next element, which must carry {@code expectedTag} */
        Ber constructed(int expectedTag) throws Malformed {
            int tag = tag();
            if (tag != expectedTag) {
                throw new Malformed(String.format("tag 0x%02X where 0x%02X was expected", tag, expectedTag));
            }
            return value();
        }

        /** @return the value bytes of the next element, which must carry {@code expectedTag} */
        byte[] primitive(int expectedTag) throws Malformed {
            return constructed(expectedTag).rest();
        }

        byte[] rest() {
            byte[] out = Arrays.copyOfRange(data, at, end);
            at = end;
            return out;
        }
    }
}
