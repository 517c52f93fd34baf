/**
 * The V.250 command interpreter of the modem (AT-1..AT-24), written as a state machine without I/O:
 * bytes from the terminal go in through {@link io.metermodem.at.AtInterpreter#receive}, bytes for
 * the terminal come out through an {@link io.metermodem.at.AtTerminal}, and what happened is told
 * to an {@link io.metermodem.at.AtEventListener}. Time comes from the HAL scheduler only, so the
 * escape guard time, ring counting and the signal display are exact in virtual time.
 */
package io.metermodem.at;
