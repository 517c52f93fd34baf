package io.metermodem.hal.serial;

/** Flow control of a serial line ({@code AT&K0} and {@code AT&K3}). */
public enum FlowControl {
    /** Characters are sent whatever the control lines say. */
    NONE,
    /** A DTE sends only while CTS is asserted, a DCE only while RTS is asserted. */
    RTS_CTS
}
