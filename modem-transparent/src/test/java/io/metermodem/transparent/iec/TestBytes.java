package io.metermodem.transparent.iec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Byte helpers shared by the IEC tests. */
final class TestBytes {

    private TestBytes() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] out = new byte[total];
        int position = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, position, part.length);
            position += part.length;
        }
        return out;
    }

    /** What a 7E1 sender's characters look like when read at 8N1: the even parity bit lands in bit 7. */
    static byte[] withEvenParity(byte[] sevenBit) {
        byte[] out = new byte[sevenBit.length];
        for (int i = 0; i < sevenBit.length; i++) {
            int b = sevenBit[i] & 0x7F;
            out[i] = (byte) (Integer.bitCount(b) % 2 == 1 ? b | 0x80 : b);
        }
        return out;
    }

    /** Feeds consecutive pieces of one stream (e.g. from {@code Gen.chunks}) and collects every result. */
    static List<IecDecodeResult> feedPieces(IecDecoder decoder, List<byte[]> pieces) {
        List<IecDecodeResult> results = new ArrayList<>();
        for (byte[] piece : pieces) {
            results.addAll(decoder.feed(piece));
        }
        return results;
    }

    static List<IecMessage> messages(List<IecDecodeResult> results) {
        List<IecMessage> messages = new ArrayList<>();
        for (IecDecodeResult result : results) {
            if (result instanceof DecodedMessage decoded) {
                messages.add(decoded.message());
            }
        }
        return messages;
    }

    static List<MalformedInput> malformed(List<IecDecodeResult> results) {
        List<MalformedInput> errors = new ArrayList<>();
        for (IecDecodeResult result : results) {
            if (result instanceof MalformedInput m) {
                errors.add(m);
            }
        }
        return errors;
    }
}
