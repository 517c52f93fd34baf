package io.metermodem.hal.mock.serial;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.Parity;

/** Bit layout of a UART frame (HAL-1): bit 0 is the start bit, then data LSB first, parity, stop bits. */
final class Uart {

    private Uart() {
    }

    /**
     * The levels of one character's frame, bit {@code j} of the result being the line level during
     * bit time {@code j} (1 = mark).
     */
    static long frame(int data, FrameFormat format) {
        return FRAMES[format.ordinal()][data & 0xFF];
    }

    /** Every frame of every format, computed once: the receiver looks frames up per edge search. */
    private static final long[][] FRAMES = new long[FrameFormat.values().length][256];

    static {
        for (FrameFormat format : FrameFormat.values()) {
            for (int data = 0; data < 256; data++) {
                FRAMES[format.ordinal()][data] = compute(data, format);
            }
        }
    }

    private static long compute(int data, FrameFormat format) {
        int d = format.dataBits();
        long bits = 0; // bit 0: start bit, a space
        for (int k = 0; k < d; k++) {
            bits |= (long) ((data >>> k) & 1) << (1 + k);
        }
        int pos = 1 + d;
        if (format.parity() != Parity.NONE) {
            bits |= (long) format.parity().bitFor(data, d) << pos;
            pos++;
        }
        for (int s = 0; s < format.stopBits().count(); s++) {
            bits |= 1L << pos++;
        }
        return bits;
    }

    /** Rounds a position measured in bit times to the nearest integer when floating point noise put it just beside one. */
    static double snap(double pos) {
        double r = Math.rint(pos);
        return Math.abs(pos - r) < 1e-7 ? r : pos;
    }
}
