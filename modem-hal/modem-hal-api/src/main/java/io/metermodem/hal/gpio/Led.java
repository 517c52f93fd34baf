package io.metermodem.hal.gpio;

/**
 * The WM-E2S status LEDs (HAL-4, manual 2.5). The numbers are those printed on the PCB; from top to
 * bottom they are LED3 (green), LED1 (blue), LED2 (red).
 */
public enum Led {
    /** Blue, middle; factory function: GSM/GPRS status. */
    LED1("blue", 2),
    /** Red, bottom; factory function: SIM status. */
    LED2("red", 3),
    /** Green, top; factory function: E-meter status. */
    LED3("green", 1);

    private final String colour;
    private final int positionFromTop;

    Led(String colour, int positionFromTop) {
        this.colour = colour;
        this.positionFromTop = positionFromTop;
    }

    /** @return the LED's colour */
    public String colour() {
        return colour;
    }

    /** @return 1 for the top LED, 3 for the bottom one */
    public int positionFromTop() {
        return positionFromTop;
    }
}
