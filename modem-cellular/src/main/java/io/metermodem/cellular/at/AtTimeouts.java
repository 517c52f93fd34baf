package io.metermodem.cellular.at;

import java.time.Duration;
import java.util.Locale;

/**
 * Default timeouts per command (HAL-7), from the maximum response times the Quectel and Telit AT
 * manuals give, rounded up. Most commands answer within 300 ms; network operations take minutes.
 */
public final class AtTimeouts {

    /** Default for commands answered by the module itself. */
    public static final Duration DEFAULT = Duration.ofSeconds(5);

    private AtTimeouts() {
    }

    /**
     * @param text a command line
     * @return how long to wait for its final result
     */
    public static Duration defaultFor(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        if (t.startsWith("ATD") || t.equals("ATA")) {
            return Duration.ofSeconds(90);           // call set-up, S7 plus margin
        }
        if (t.startsWith("ATH") || t.startsWith("AT+CHUP")) {
            return Duration.ofSeconds(30);
        }
        if (t.startsWith("AT+COPS")) {
            return t.startsWith("AT+COPS?") ? DEFAULT : Duration.ofSeconds(180);
        }
        if (t.startsWith("AT+CMGS") || t.startsWith("AT+CMSS")) {
            return Duration.ofSeconds(120);
        }
        if (t.startsWith("AT+QIACT") || t.startsWith("AT#SGACT") || t.startsWith("AT+CGACT")
                || t.startsWith("AT+CGATT")) {
            return Duration.ofSeconds(150);
        }
        if (t.startsWith("AT+QIDEACT")) {
            return Duration.ofSeconds(40);
        }
        if (t.startsWith("AT#PING")) {
            return Duration.ofSeconds(60);
        }
        if (t.startsWith("AT+CFUN")) {
            return Duration.ofSeconds(15);
        }
        if (t.startsWith("AT+CMGD") || t.startsWith("AT+CMGR") || t.startsWith("AT+CPIN=")) {
            return Duration.ofSeconds(10);
        }
        return DEFAULT;
    }
}
