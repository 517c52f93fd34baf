package io.metermodem.hal.serial;

/** RS232 control lines (HAL-2), each driven by one end of the link. */
public enum ControlLine {
    /** Data carrier detect, driven by the DCE; on the WM-E2S its level follows the {@link DcdMode}. */
    DCD(PortRole.DCE),
    /** Data terminal ready, driven by the DTE ({@code AT&D} decides what its drop does). */
    DTR(PortRole.DTE),
    /** Data set ready, driven by the DCE. */
    DSR(PortRole.DCE),
    /** Request to send, driven by the DTE (hardware flow control, {@code AT&K3}). */
    RTS(PortRole.DTE),
    /** Clear to send, driven by the DCE (hardware flow control, {@code AT&K3}). */
    CTS(PortRole.DCE),
    /** Ring indicator, driven by the DCE. */
    RI(PortRole.DCE);

    private final PortRole drivenBy;

    ControlLine(PortRole drivenBy) {
        this.drivenBy = drivenBy;
    }

    /** @return the end that drives this line */
    public PortRole drivenBy() {
        return drivenBy;
    }
}
