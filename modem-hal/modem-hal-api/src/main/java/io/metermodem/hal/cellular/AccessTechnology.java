package io.metermodem.hal.cellular;

/** Radio access technology of the serving cell (HAL-7). */
public enum AccessTechnology {
    /** No serving cell. */
    NONE(0),
    /** GSM/GPRS/EDGE. */
    GSM(2),
    /** UMTS/HSPA. */
    UMTS(3),
    /** LTE. */
    LTE(4),
    /** LTE Cat-M1 (eMTC). */
    LTE_CAT_M1(4),
    /** NB-IoT. */
    NB_IOT(4);

    private final int generation;

    AccessTechnology(int generation) {
        this.generation = generation;
    }

    /** @return 2, 3 or 4 ({@code 0} for {@link #NONE}), as the LEDs count it */
    public int generation() {
        return generation;
    }
}
