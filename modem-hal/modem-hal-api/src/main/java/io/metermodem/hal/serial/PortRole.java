package io.metermodem.hal.serial;

/**
 * Which end of an RS232 link a port is: it decides which control lines the port drives (HAL-2).
 * The modem is the DCE towards the meter and towards a configuring PC.
 */
public enum PortRole {
    /** Data terminal equipment (a PC, a meter): drives DTR and RTS. */
    DTE,
    /** Data circuit-terminating equipment (the modem): drives DCD, DSR, CTS and RI. */
    DCE
}
