package io.metermodem.led;

/** The kind of CSD call in progress (manual 2.7, LED-12). */
public enum CsdMode {
    /** No CSD call. */
    NONE,
    /** Meter read out or configured in transparent mode over the call. */
    METER_TRANSPARENT,
    /** Modem configuration or firmware refresh over the call. */
    MODEM_CONFIGURATION
}
