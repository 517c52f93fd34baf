package io.metermodem.transparent.iec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IecBaudRateTest {

    @ParameterizedTest(name = "''{0}'' = {1} baud")
    @CsvSource({"0,300", "1,600", "2,1200", "3,2400", "4,4800", "5,9600", "6,19200"})
    @DisplayName("TR-11: each mode C baud character names its own rate (1..4 are not 9600)")
    void modeC(char code, int baud) {
        IecBaudRate rate = IecBaudRate.ofModeCCode(code).orElseThrow();
        assertEquals(baud, rate.baud());
        assertEquals(code, rate.modeCCode());
        assertEquals(Optional.of(rate), IecBaudRate.ofBaud(baud));
    }

    @ParameterizedTest(name = "''{0}'' = {1} baud")
    @CsvSource({"A,600", "B,1200", "C,2400", "D,4800", "E,9600", "F,19200"})
    @DisplayName("TR-9: mode B letters name 600..19200 baud")
    void modeB(char code, int baud) {
        assertEquals(baud, IecBaudRate.ofModeBCode(code).orElseThrow().baud());
    }

    @Test
    @DisplayName("TR-11: reserved characters name no rate, and mode B cannot name 300")
    void reserved() {
        assertEquals(Optional.empty(), IecBaudRate.ofModeCCode('7'));
        assertEquals(Optional.empty(), IecBaudRate.ofModeCCode('A'));
        assertEquals(Optional.empty(), IecBaudRate.ofModeBCode('G'));
        assertEquals(Optional.empty(), IecBaudRate.ofModeBCode('\0'));
        assertEquals(Optional.empty(), IecBaudRate.B300.modeBCode());
        assertEquals(Optional.empty(), IecBaudRate.ofBaud(115_200));
    }
}
