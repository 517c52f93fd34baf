package io.metermodem.led;

/**
 * What an LED shows (LED-6, manual 2.5 "Selectable LED status"). Each of LED1..LED3 is assigned one
 * function in the Standard Meter Interface group of the configuration ({@code led.led1..led.led3}).
 */
public enum LedFunction {
    /** The LED stays dark. */
    NOT_USED("not_used"),
    /** GSM/GPRS status (LED-4), with the CSD rule of 2.7 (LED-12); factory function of LED1. */
    GSM_GPRS("gsm"),
    /** SIM status and RSSI (LED-5); factory function of LED2. */
    SIM("sim"),
    /** E-meter status (LED-3), with the CSD rule of 2.7 (LED-12); factory function of LED3. */
    E_METER("emeter"),
    /** Firmware status (LED-7). */
    FIRMWARE("firmware"),
    /** Network status and access technology (LED-8): LED-4 without the CSD rule. */
    NETWORK("network"),
    /** Meter status with IEC polling (LED-9). */
    METER_IEC_POLLING("meter_iec"),
    /** AMM (IEC) client state (LED-10). */
    AMM_CLIENT("amm");

    private final String configWord;

    LedFunction(String configWord) {
        this.configWord = configWord;
    }

    /** @return the value of {@code led.ledN} in the configuration that selects this function */
    public String configWord() {
        return configWord;
    }

    /**
     * @param word a value of {@code led.led1..led.led3}
     * @return the function it selects
     * @throws IllegalArgumentException for an unknown word
     */
    public static LedFunction fromConfigWord(String word) {
        for (LedFunction f : values()) {
            if (f.configWord.equals(word)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown LED function '" + word + "'; expected one of "
                + java.util.Arrays.stream(values()).map(LedFunction::configWord).toList());
    }
}
