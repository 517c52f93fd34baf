package io.metermodem.hal.serial;

import java.util.Locale;

/**
 * The UART frame formats a WM-E2S meter port supports (HAL-1, manual 3.11): data bits, parity and
 * stop bits, named as on the device ({@code 7E1} is 7 data bits, even parity, 1 stop bit).
 */
public enum FrameFormat {
    /** 7 data bits, even parity, 1 stop bit: IEC 62056-21 meters. */
    F7E1(7, Parity.EVEN, StopBits.ONE),
    /** 8 data bits, no parity, 1 stop bit: DLMS meters and the local configuration line. */
    F8N1(8, Parity.NONE, StopBits.ONE),
    /** 7 data bits, odd parity, 1 stop bit. */
    F7O1(7, Parity.ODD, StopBits.ONE),
    /** 7 data bits, no parity, 2 stop bits. */
    F7N2(7, Parity.NONE, StopBits.TWO),
    /** 8 data bits, even parity, 1 stop bit. */
    F8E1(8, Parity.EVEN, StopBits.ONE),
    /** 8 data bits, odd parity, 1 stop bit. */
    F8O1(8, Parity.ODD, StopBits.ONE),
    /** 8 data bits, no parity, 2 stop bits. */
    F8N2(8, Parity.NONE, StopBits.TWO);

    private final int dataBits;
    private final Parity parity;
    private final StopBits stopBits;

    FrameFormat(int dataBits, Parity parity, StopBits stopBits) {
        this.dataBits = dataBits;
        this.parity = parity;
        this.stopBits = stopBits;
    }

    /** @return 7 or 8 */
    public int dataBits() {
        return dataBits;
    }

    /** @return the parity setting */
    public Parity parity() {
        return parity;
    }

    /** @return the stop bit setting */
    public StopBits stopBits() {
        return stopBits;
    }

    /** @return bits on the wire per character: start + data + parity + stop */
    public int frameBits() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits.count();
    }

    /** @return the device's name of this format, e.g. {@code 7E1} */
    public String label() {
        return "" + dataBits + parity.letter() + stopBits.count();
    }

    /**
     * Parses a format name as the device and the CLI write it.
     *
     * @param text e.g. {@code 7E1} or {@code 8n1}
     * @return the format
     * @throws IllegalArgumentException naming the accepted formats when {@code text} is none of them
     */
    public static FrameFormat parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (FrameFormat format : values()) {
            if (format.label().equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown frame format '" + text
                + "': expected one of 7E1, 8N1, 7O1, 7N2, 8E1, 8O1, 8N2");
    }

    @Override
    public String toString() {
        return label();
    }
}
