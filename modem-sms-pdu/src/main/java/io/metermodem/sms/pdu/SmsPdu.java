package io.metermodem.sms.pdu;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Entry point of the SMS PDU codec (SMS-13): decodes the hex of {@code +CMGR}/{@code +CMT}, encodes
 * messages, and splits a long text into the concatenated parts to send with {@code AT+CMGS}.
 *
 * <pre>{@code
 * for (EncodedPart part : SmsPdu.encodeSubmit("+46708251358", "hello € world")) {
 *     at.send("AT+CMGS=" + part.tpduLength());   // then part.hex() and Ctrl-Z
 * }
 * SmsDeliver in = SmsPdu.decodeDeliver(hexFromCmgr);   // throws MalformedPduException
 * }</pre>
 *
 * <p>A text is split into parts of {@value #CONCAT_SEPTETS} septets (GSM 7-bit), {@value #CONCAT_OCTETS}
 * octets (8-bit) or 67 UCS-2 code units when it does not fit one message of 160 septets / 140 octets /
 * 70 units; a 16-bit reference leaves one septet or octet less per part. An escape pair (such as
 * {@code €}, {@code 1B 65}) or a UTF-16 surrogate pair is never split between parts.
 */
public final class SmsPdu {

    /** Longest PDU accepted, SMSC prefix included (the longest valid one has 12 + 175 octets). */
    public static final int MAX_PDU_OCTETS = 200;
    /** Septets in the user data of one message. */
    public static final int MAX_SEPTETS = 160;
    /** Octets in the user data of one message. */
    public static final int MAX_OCTETS = 140;
    /** Septets of text per part of a concatenated message with an 8-bit reference. */
    public static final int CONCAT_SEPTETS = 153;
    /** Octets of data per part of a concatenated message with an 8-bit reference. */
    public static final int CONCAT_OCTETS = 134;
    /** Most parts a concatenated message can have. */
    public static final int MAX_PARTS = 255;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private SmsPdu() {
    }

    /**
     * Decodes a PDU that starts with the SMSC address, as {@code +CMGR} and {@code +CMT} show it.
     *
     * @param hex the PDU in hex, either case; leading and trailing white space is ignored
     * @return the message: an {@link SmsDeliver}, {@link SmsSubmit} or {@link SmsStatusReport}
     * @throws MalformedPduException naming the field and octet where the PDU is wrong
     */
    public static Sms decode(String hex) throws MalformedPduException {
        return PduDecoder.decode(parseHex(hex), true);
    }

    /**
     * Decodes a bare TPDU, without the SMSC prefix.
     *
     * @param hex the TPDU in hex
     * @return the message, its {@link Sms#serviceCentre()} empty
     * @throws MalformedPduException naming the field and octet where the PDU is wrong
     */
    public static Sms decodeTpdu(String hex) throws MalformedPduException {
        return PduDecoder.decode(parseHex(hex), false);
    }

    /**
     * @param pdu               the PDU's octets
     * @param withServiceCentre whether it starts with the SMSC address
     * @return the message
     * @throws MalformedPduException naming the field and octet where the PDU is wrong
     */
    public static Sms decode(byte[] pdu, boolean withServiceCentre) throws MalformedPduException {
        if (pdu.length > MAX_PDU_OCTETS) {
            throw new MalformedPduException(PduField.HEX, MAX_PDU_OCTETS,
                    pdu.length + " octets; no PDU is longer than " + MAX_PDU_OCTETS);
        }
        return PduDecoder.decode(pdu.clone(), withServiceCentre);
    }

    /**
     * Decodes a received message ({@code +CMGR}, {@code +CMT}), SMSC prefix first.
     *
     * @param hex the PDU in hex
     * @return the SMS-DELIVER
     * @throws MalformedPduException if it is malformed, or with {@link PduField#FIRST_OCTET} if it is
     *                               another message type
     */
    public static SmsDeliver decodeDeliver(String hex) throws MalformedPduException {
        byte[] pdu = parseHex(hex);
        Sms sms = PduDecoder.decode(pdu, true);
        if (sms instanceof SmsDeliver deliver) {
            return deliver;
        }
        throw new MalformedPduException(PduField.FIRST_OCTET, (pdu[0] & 0xFF) + 1, "expected an SMS-DELIVER, found "
                + typeName(sms));
    }

    /**
     * Decodes a message the modem sends ({@code AT+CMGS} data), SMSC prefix first; a simulated module or
     * network reads what the driver sent with it.
     *
     * @param hex the PDU in hex
     * @return the SMS-SUBMIT
     * @throws MalformedPduException if it is malformed, or with {@link PduField#FIRST_OCTET} if it is
     *                               another message type
     */
    public static SmsSubmit decodeSubmit(String hex) throws MalformedPduException {
        byte[] pdu = parseHex(hex);
        Sms sms = PduDecoder.decode(pdu, true);
        if (sms instanceof SmsSubmit submit) {
            return submit;
        }
        throw new MalformedPduException(PduField.FIRST_OCTET, (pdu[0] & 0xFF) + 1, "expected an SMS-SUBMIT, found "
                + typeName(sms));
    }

    /**
     * @param sms any message
     * @return {@code SMS-DELIVER}, {@code SMS-SUBMIT} or {@code SMS-STATUS-REPORT}
     */
    public static String typeName(Sms sms) {
        return switch (sms) {
            case SmsDeliver d -> "SMS-DELIVER";
            case SmsSubmit s -> "SMS-SUBMIT";
            case SmsStatusReport r -> "SMS-STATUS-REPORT";
        };
    }

    /**
     * Encodes one message, SMSC prefix first.
     *
     * @param sms the message
     * @return the PDU in upper-case hex with the length for {@code AT+CMGS}
     * @throws IllegalArgumentException if the user data does not fit one message, or a time stamp is
     *                                  outside 2000..2099 or not in whole quarter hours
     */
    public static EncodedPart encode(Sms sms) {
        byte[] pdu = PduEncoder.encode(sms);
        return new EncodedPart(sms, HEX.formatHex(pdu), pdu.length - 1 - (pdu[0] & 0xFF));
    }

    /**
     * The driver's call: a text to a number, with the default options.
     *
     * @param destination the number, {@code +} for international
     * @param text        the text; split when it does not fit one message
     * @return the parts in order
     * @throws IllegalArgumentException if the number is not valid or the text needs more than 255 parts
     */
    public static List<EncodedPart> encodeSubmit(String destination, String text) {
        return encodeSubmit(Address.of(destination), text, EncodeOptions.defaults());
    }

    /**
     * @param destination the recipient
     * @param text        the text
     * @param options     SMSC, alphabet, references, validity, status report
     * @return the parts in order, each an {@link SmsSubmit}
     * @throws IllegalArgumentException if the text needs more than 255 parts, or the chosen alphabet
     *                                  lacks a character
     */
    public static List<EncodedPart> encodeSubmit(Address destination, String text, EncodeOptions options) {
        Alphabet alphabet = options.alphabet().orElse(GsmAlphabet.canEncode(text) ? Alphabet.GSM_7BIT : Alphabet.UCS2);
        if (alphabet == Alphabet.DATA_8BIT) {
            throw new IllegalArgumentException("8-bit data is sent with encodeSubmit(Address, byte[], EncodeOptions)");
        }
        return submits(destination, DataCoding.of(alphabet), textUserData(text, alphabet, options), options);
    }

    /**
     * @param destination the recipient
     * @param data        8-bit data; split into parts of 134 octets when longer than 140
     * @param options     SMSC, references, validity, status report (the alphabet is ignored)
     * @return the parts in order
     * @throws IllegalArgumentException if the data needs more than 255 parts
     */
    public static List<EncodedPart> encodeSubmit(Address destination, byte[] data, EncodeOptions options) {
        return submits(destination, DataCoding.DATA_8BIT, binaryUserData(data, options), options);
    }

    /**
     * Encodes a text as delivered messages, as a simulated module or network presents them to a driver.
     *
     * @param originator the sender
     * @param time       the service centre time stamp (2000..2099, whole quarter-hour time zone)
     * @param text       the text
     * @param options    SMSC, alphabet, references ({@link EncodeOptions#statusReportRequest()} sets TP-SRI)
     * @return the parts in order, each an {@link SmsDeliver}
     * @throws IllegalArgumentException if the text needs more than 255 parts, or the chosen alphabet
     *                                  lacks a character
     */
    public static List<EncodedPart> encodeDeliver(Address originator, OffsetDateTime time, String text,
            EncodeOptions options) {
        Alphabet alphabet = options.alphabet().orElse(GsmAlphabet.canEncode(text) ? Alphabet.GSM_7BIT : Alphabet.UCS2);
        if (alphabet == Alphabet.DATA_8BIT) {
            throw new IllegalArgumentException("a text cannot be sent as 8-bit data");
        }
        List<EncodedPart> parts = new ArrayList<>();
        for (UserData ud : textUserData(text, alphabet, options)) {
            parts.add(encode(new SmsDeliver(options.serviceCentre(), originator, false, false,
                    options.statusReportRequest(), 0, DataCoding.of(alphabet), time, ud)));
        }
        return parts;
    }

    /**
     * Splits a text into the texts of its parts, as {@link #encodeSubmit(Address, String, EncodeOptions)}
     * does.
     *
     * @param text                a text
     * @param alphabet            {@link Alphabet#GSM_7BIT} or {@link Alphabet#UCS2}
     * @param sixteenBitReference whether the parts carry a 16-bit reference
     * @return one text when it fits one message, else the parts' texts in order
     * @throws IllegalArgumentException if the alphabet lacks a character, is 8-bit, or the text needs more
     *                                  than 255 parts
     */
    public static List<String> split(String text, Alphabet alphabet, boolean sixteenBitReference) {
        int extra = sixteenBitReference ? 1 : 0;
        List<String> parts = switch (alphabet) {
            case GSM_7BIT -> {
                if (GsmAlphabet.septetCount(text) <= MAX_SEPTETS) {
                    yield List.of(text);
                }
                yield splitGsm(text, CONCAT_SEPTETS - extra);
            }
            case UCS2 -> {
                if (text.length() <= MAX_OCTETS / 2) {
                    yield List.of(text);
                }
                yield splitUcs2(text, CONCAT_OCTETS / 2 - extra);
            }
            case DATA_8BIT -> throw new IllegalArgumentException("8-bit data is not a text");
        };
        if (parts.size() > MAX_PARTS) {
            throw new IllegalArgumentException("the text needs " + parts.size() + " parts; at most " + MAX_PARTS);
        }
        return parts;
    }

    private static List<String> splitGsm(String text, int septetsPerPart) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int septets = GsmAlphabet.septets(text.charAt(i));
            if (used + septets > septetsPerPart) { // an escape pair that does not fit moves whole to the next part
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += septets;
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static List<String> splitUcs2(String text, int unitsPerPart) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (text.length() - start > unitsPerPart) {
            int end = start + unitsPerPart;
            if (Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
                end--; // keep the surrogate pair together
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static List<UserData> textUserData(String text, Alphabet alphabet, EncodeOptions options) {
        List<String> texts = split(text, alphabet, options.sixteenBitReference());
        List<UserData> parts = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            parts.add(withConcat(UserData.text(texts.get(i)), i, texts.size(), options));
        }
        return parts;
    }

    private static List<UserData> binaryUserData(byte[] data, EncodeOptions options) {
        List<UserData> parts = new ArrayList<>();
        if (data.length <= MAX_OCTETS) {
            parts.add(UserData.binary(data));
            return parts;
        }
        int perPart = CONCAT_OCTETS - (options.sixteenBitReference() ? 1 : 0);
        int total = (data.length + perPart - 1) / perPart;
        if (total > MAX_PARTS) {
            throw new IllegalArgumentException("the data needs " + total + " parts; at most " + MAX_PARTS);
        }
        for (int i = 0; i < total; i++) {
            byte[] chunk = Arrays.copyOfRange(data, i * perPart, Math.min(data.length, (i + 1) * perPart));
            parts.add(withConcat(UserData.binary(chunk), i, total, options));
        }
        return parts;
    }

    private static UserData withConcat(UserData ud, int index, int total, EncodeOptions options) {
        if (total == 1) {
            return ud;
        }
        return ud.withHeader(List.of(new ConcatInfo(options.concatReference(), total, index + 1,
                options.sixteenBitReference()).toElement()));
    }

    private static List<EncodedPart> submits(Address destination, DataCoding coding, List<UserData> userData,
            EncodeOptions options) {
        List<EncodedPart> parts = new ArrayList<>(userData.size());
        for (UserData ud : userData) {
            parts.add(encode(new SmsSubmit(options.serviceCentre(), options.messageReference(), destination, false, false,
                    options.statusReportRequest(), 0, coding, options.validityPeriod(), ud)));
        }
        return parts;
    }

    /** Hex to octets, bounded before anything is allocated. */
    static byte[] parseHex(String hex) throws MalformedPduException {
        String text = hex.strip();
        if (text.length() > 2 * MAX_PDU_OCTETS) {
            throw new MalformedPduException(PduField.HEX, MAX_PDU_OCTETS,
                    text.length() + " hex digits; no PDU is longer than " + MAX_PDU_OCTETS + " octets");
        }
        if (text.isEmpty()) {
            throw new MalformedPduException(PduField.HEX, 0, "no hex digits");
        }
        if ((text.length() & 1) != 0) {
            throw new MalformedPduException(PduField.HEX, text.length() / 2, "odd number of hex digits (" + text.length() + ")");
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 'f') {
                throw new MalformedPduException(PduField.HEX, i / 2, "'" + text.charAt(i) + "' at character " + i
                        + " is not a hex digit");
            }
            out[i / 2] |= (byte) ((i & 1) == 0 ? digit << 4 : digit);
        }
        return out;
    }
}
