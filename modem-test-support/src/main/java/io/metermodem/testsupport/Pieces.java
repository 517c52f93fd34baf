package io.metermodem.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fixed ways to split bytes into the pieces a stream might deliver, for fuzz tests that check a
 * decoder gives the same result however its input arrives. Unlike {@link Gen#chunks}, nothing here
 * is random: the pieces follow from the input alone, so the fuzzer steers the split as well.
 */
public final class Pieces {

    private Pieces() {
    }

    /**
     * @param input the bytes
     * @return one piece per byte
     */
    public static List<byte[]> oneByOne(byte[] input) {
        List<byte[]> pieces = new ArrayList<>(input.length);
        for (byte b : input) {
            pieces.add(new byte[] {b});
        }
        return pieces;
    }

    /**
     * Splits the input into pieces of 1 to {@code maxPiece} bytes, the size of each taken from the
     * input's own bytes in turn.
     *
     * @param input    the bytes
     * @param maxPiece the longest piece, a power of two from 1 to 256
     * @return consecutive non-empty pieces that together are {@code input}
     */
    public static List<byte[]> steeredBy(byte[] input, int maxPiece) {
        if (maxPiece < 1 || maxPiece > 256 || Integer.bitCount(maxPiece) != 1) {
            throw new IllegalArgumentException("maxPiece must be a power of two from 1 to 256, got " + maxPiece);
        }
        List<byte[]> pieces = new ArrayList<>();
        int at = 0;
        int i = 0;
        while (at < input.length) {
            int size = Math.min(input.length - at, 1 + (input[i++ % input.length] & (maxPiece - 1)));
            pieces.add(Arrays.copyOfRange(input, at, at + size));
            at += size;
        }
        return pieces;
    }
}
