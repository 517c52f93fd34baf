package io.metermodem.hal.mock.serial;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.Parity;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent UART model for the serial tests (HAL-1), sharing no code with the mock: it lays
 * out the frames a sender puts on the wire (start bit, data bits least significant first, parity,
 * stop bits, then idle mark) and decodes that waveform the way a receiver at its own settings does.
 *
 * <p>The receiver hunts for a falling edge, checks the start bit at its middle, samples each data
 * bit, the parity bit and the stop bit at the middle of its own bit times, and hunts again from the
 * stop bit sample. A frame that is space from its start bit to past its stop bit, with no rising
 * edge before the frame ends, is a break and delivers no character. A sample that falls exactly on
 * a bit boundary of the sender reads the bit that starts there.
 *
 * <p>All times are exact: the unit is {@code 1 / (2 * txBaud * rxBaud)} s, in which a sender bit
 * lasts {@code 2 * rxBaud} units and a receiver bit {@code 2 * txBaud}, so every edge and every
 * mid-bit sample is an integer. Times are rounded to nanoseconds, half up, only for the result.
 */
final class ReferenceUart {

    private ReferenceUart() {
    }

    /** @return the log line of a delivered character, as {@link Recorder#log} writes it */
    static String data(long nanos, int character) {
        return String.format("%d data %02X", nanos, character);
    }

    /** @return the log line of a line error, as {@link Recorder#log} writes it */
    static String error(long nanos, LineErrorKind kind, int character) {
        return String.format("%d %s %s", nanos, kind, character < 0 ? "--" : String.format("%02X", character));
    }

    /**
     * What a receiver at {@code rx} reports when {@code data} is sent back to back at {@code tx}
     * from time zero, both ports open from time zero on.
     *
     * @return the log lines in order: characters at the end of the receiver's frame, each followed
     *         by its parity and framing errors; breaks without a character
     */
    static List<String> receive(byte[] data, LineSettings tx, LineSettings rx) {
        int[] wire = wire(data, tx.format());
        long txBit = 2L * rx.baud();
        long rxBit = 2L * tx.baud();
        long halfRxBit = tx.baud();
        long unitsPerSecond = 2L * tx.baud() * rx.baud();
        FrameFormat f = rx.format();
        int d = f.dataBits();
        int p = f.parity() == Parity.NONE ? 0 : 1;
        long rxFrame = f.frameBits() * rxBit;

        List<String> log = new ArrayList<>();
        long hunt = 0;
        while (true) {
            long e = nextEdge(wire, txBit, hunt, 1, 0);
            if (e < 0) {
                return log;
            }
            if (level(wire, txBit, e + halfRxBit) == 1) {
                hunt = e + halfRxBit; // the line rose again before mid start bit: noise, not a start bit
                continue;
            }
            int character = 0;
            for (int k = 0; k < d; k++) {
                character |= level(wire, txBit, e + halfRxBit + (1 + k) * rxBit) << k;
            }
            int parityBit = p == 0 ? 0 : level(wire, txBit, e + halfRxBit + (1 + d) * rxBit);
            long stopSample = e + halfRxBit + (1 + d + p) * rxBit;
            int stop = level(wire, txBit, stopSample);
            long due = nanos(e + rxFrame, unitsPerSecond);
            if (stop == 0 && character == 0 && parityBit == 0) {
                long rise = nextEdge(wire, txBit, e, 0, 1);
                if (rise >= e + rxFrame) {
                    log.add(error(due, LineErrorKind.BREAK, -1));
                    hunt = rise;
                    continue;
                }
            }
            log.add(data(due, character));
            if (p == 1) {
                int ones = Integer.bitCount(character) + parityBit;
                boolean ok = f.parity() == Parity.EVEN ? ones % 2 == 0 : ones % 2 == 1;
                if (!ok) {
                    log.add(error(due, LineErrorKind.PARITY, character));
                }
            }
            if (stop == 0) {
                log.add(error(due, LineErrorKind.FRAMING, character));
            }
            hunt = stopSample;
        }
    }

    /** The sender's bits, one per bit time, written out from the format's definition. */
    private static int[] wire(byte[] data, FrameFormat format) {
        int[] bits = new int[data.length * format.frameBits()];
        int at = 0;
        for (byte b : data) {
            int value = b & 0xFF;
            bits[at++] = 0;
            int ones = 0;
            for (int k = 0; k < format.dataBits(); k++) {
                int bit = (value >> k) & 1;
                ones += bit;
                bits[at++] = bit;
            }
            switch (format.parity()) {
                case EVEN -> bits[at++] = ones % 2;
                case ODD -> bits[at++] = 1 - ones % 2;
                case NONE -> { }
            }
            for (int s = 0; s < format.stopBits().count(); s++) {
                bits[at++] = 1;
            }
        }
        return bits;
    }

    /** Level at time {@code t}: mark before and after the frames, the bit that starts at or before t inside. */
    private static int level(int[] wire, long txBit, long t) {
        if (t < 0) {
            return 1;
        }
        long index = t / txBit;
        return index < wire.length ? wire[(int) index] : 1;
    }

    /** @return the first bit boundary at or after {@code from} where the level goes from {@code before} to {@code after}, or -1 */
    private static long nextEdge(int[] wire, long txBit, long from, int before, int after) {
        for (long k = Math.max(0, (from + txBit - 1) / txBit); k <= wire.length; k++) {
            if (level(wire, txBit, k * txBit - 1) == before && level(wire, txBit, k * txBit) == after) {
                return k * txBit;
            }
        }
        return -1;
    }

    private static long nanos(long units, long unitsPerSecond) {
        BigInteger scaled = BigInteger.valueOf(units).multiply(BigInteger.valueOf(2_000_000_000L))
                .add(BigInteger.valueOf(unitsPerSecond));
        return scaled.divide(BigInteger.valueOf(2 * unitsPerSecond)).longValueExact();
    }
}
