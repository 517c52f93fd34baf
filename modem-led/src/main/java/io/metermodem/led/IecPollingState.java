package io.metermodem.led;

/** Where the modem's IEC polling of the meter stands (LED-9, and the IEC meter status of LED-3). */
public enum IecPollingState {
    /** No polling. */
    IDLE,
    /** The modem started talking to the meter and waits for its answer. */
    STARTING,
    /** The meter answers. */
    ANSWERING,
    /** Modem and meter cannot communicate. */
    FAILED
}
