package io.metermodem.at;

import io.metermodem.hal.serial.FlowControl;

/**
 * The RS232 control lines and flow control of a local interface, as {@code AT&C} and {@code AT&K}
 * drive them (AT-12, AT-14). A serial driver maps them onto
 * {@link io.metermodem.hal.serial.SerialPort}; a remote interface has none ({@link #NONE}).
 */
public interface TerminalLines {

    /** Lines of an interface that has none. */
    TerminalLines NONE = new TerminalLines() {
        @Override
        public void setDcd(boolean asserted) {
        }

        @Override
        public void setFlowControl(FlowControl flowControl) {
        }
    };

    /**
     * Drives the DCD output.
     *
     * @param asserted the new level
     */
    void setDcd(boolean asserted);

    /**
     * Selects the flow control of the line.
     *
     * @param flowControl none or RTS/CTS
     */
    void setFlowControl(FlowControl flowControl);
}
