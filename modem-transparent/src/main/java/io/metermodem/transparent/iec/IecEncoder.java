package io.metermodem.transparent.iec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes {@link IecMessage}s as the bytes IEC 62056-21 puts on the line, including the BCC of data
 * and command messages. The bytes are 7-bit characters: the UART adds the even parity bit of 7E1.
 */
public final class IecEncoder {

    private IecEncoder() {
    }

    /**
     * @param message any message
     * @return its bytes, e.g. {@code 2F 3F 21 0D 0A} for {@link SignOn#ANY}
     * @throws IllegalArgumentException if {@code message} is null
     */
    public static byte[] encode(IecMessage message) {
        if (message == null) {
            throw new IllegalArgumentException("message is required");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        switch (message) {
            case SignOn s -> ascii(out, "/?" + s.address() + "!\r\n");
            case Identification id -> ascii(out, "/" + id.manufacturer() + id.baudCode()
                    + (id.enhancement().isEmpty() ? "" : "\\" + id.enhancement()) + id.ident() + "\r\n");
            case AckOptionSelect a -> {
                out.write(Ascii.ACK);
                ascii(out, "" + a.protocolControl() + a.baudCode() + a.modeControl() + "\r\n");
            }
            case DataMessage d -> {
                out.write(Ascii.STX);
                ascii(out, d.dataBlock());
                out.write(Ascii.ETX);
                return withBcc(out);
            }
            case CommandMessage c -> {
                out.write(Ascii.SOH);
                ascii(out, "" + c.command() + c.type());
                out.write(Ascii.STX);
                ascii(out, c.data());
                out.write(Ascii.ETX);
                return withBcc(out);
            }
            case Break b -> {
                out.write(Ascii.SOH);
                ascii(out, "B0");
                out.write(Ascii.ETX);
                return withBcc(out);
            }
            case Ack a -> out.write(Ascii.ACK);
            case Nak n -> out.write(Ascii.NAK);
        }
        return out.toByteArray();
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] withBcc(ByteArrayOutputStream out) {
        byte[] frame = out.toByteArray();
        // Starts at index 1: the BCC covers everything after the leading SOH/STX.
        int bcc = IecBcc.xor(frame, 1, frame.length);
        byte[] result = Arrays.copyOf(frame, frame.length + 1);
        result[frame.length] = (byte) bcc;
        return result;
    }
}
