package io.metermodem.sms.service;

/**
 * Restarts the modem (SMS-7, PWR-4): the firmware's way to start again. The SMS service calls it
 * after the answer to {@code ATR} has gone.
 */
@FunctionalInterface
public interface RestartHook {

    /** @param reason why, for the log */
    void restart(String reason);
}
