package io.metermodem.sms.pdu;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TP-UD: the optional user data header and the payload, a text (GSM 7-bit or UCS-2) or 8-bit data.
 * Which one a message carries follows its {@link DataCoding}: {@link #text()} for text alphabets,
 * {@link #binary()} for {@link Alphabet#DATA_8BIT}.
 */
public final class UserData {

    private final List<InformationElement> header;
    private final String text;
    private final byte[] binary;

    private UserData(List<InformationElement> header, String text, byte[] binary) {
        this.header = List.copyOf(header);
        this.text = Objects.requireNonNull(text, "text");
        this.binary = binary.clone();
    }

    /**
     * @param text a text, to be sent in GSM 7-bit or UCS-2
     * @return user data without header
     */
    public static UserData text(String text) {
        return new UserData(List.of(), text, new byte[0]);
    }

    /**
     * @param data 8-bit data
     * @return user data without header
     */
    public static UserData binary(byte[] data) {
        return new UserData(List.of(), "", data);
    }

    /**
     * @param elements the information elements of the header, empty for none
     * @return a copy with that header
     */
    public UserData withHeader(List<InformationElement> elements) {
        return new UserData(elements, text, binary);
    }

    /** @return the header's information elements, empty when TP-UDHI is not set */
    public List<InformationElement> header() {
        return header;
    }

    /** @return the text; empty for 8-bit data */
    public String text() {
        return text;
    }

    /** @return the 8-bit data; empty for a text */
    public byte[] binary() {
        return binary.clone();
    }

    int binaryLength() {
        return binary.length;
    }

    byte[] binaryUnsafe() {
        return binary;
    }

    /** @return the concatenation element of the header, if there is a valid one */
    public Optional<ConcatInfo> concat() {
        for (InformationElement element : header) {
            byte[] d = element.data();
            // TS 23.040 9.2.3.24.1: an element with a zero total or a sequence outside 1..total is ignored.
            if (element.identifier() == InformationElement.CONCAT_8BIT && d.length == 3 && valid(d[1], d[2])) {
                return Optional.of(new ConcatInfo(d[0] & 0xFF, d[1] & 0xFF, d[2] & 0xFF, false));
            }
            if (element.identifier() == InformationElement.CONCAT_16BIT && d.length == 4 && valid(d[2], d[3])) {
                return Optional.of(new ConcatInfo((d[0] & 0xFF) << 8 | d[1] & 0xFF, d[2] & 0xFF, d[3] & 0xFF, true));
            }
        }
        return Optional.empty();
    }

    private static boolean valid(byte total, byte sequence) {
        int t = total & 0xFF;
        int s = sequence & 0xFF;
        return t >= 1 && s >= 1 && s <= t;
    }

    /** @return the octets the header takes with its length octet, 0 without header */
    int headerLength() {
        if (header.isEmpty()) {
            return 0;
        }
        int length = 1;
        for (InformationElement element : header) {
            length += element.length();
        }
        return length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserData u && header.equals(u.header) && text.equals(u.text) && Arrays.equals(binary, u.binary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, text, Arrays.hashCode(binary));
    }

    @Override
    public String toString() {
        return "UserData[header=" + header + ", text=" + text + ", binary=" + binary.length + " octets]";
    }
}
