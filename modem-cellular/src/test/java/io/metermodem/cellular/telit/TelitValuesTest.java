package io.metermodem.cellular.telit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.cellular.driver.AtFields;
import io.metermodem.hal.cellular.AccessTechnology;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TelitValuesTest {

    @Test
    @DisplayName("HAL-7: Telit #RFSTS: the RSSI field sits where the technology's layout puts it")
    void rfsts() {
        assertEquals(OptionalInt.of(-71), TelitModule.rfstsRssi(
                AtFields.split("\"262 01\",1300,-96,-71,-10,1A2B,FF,0,128,19,1,01C3D4E5"), AccessTechnology.LTE));
        assertEquals(OptionalInt.of(-85), TelitModule.rfstsRssi(
                AtFields.split("\"262 01\",62,-85,1A2B,01,0"), AccessTechnology.GSM));
        assertEquals(OptionalInt.of(-77), TelitModule.rfstsRssi(
                AtFields.split("\"262 01\",10700,123,-8,-87,-77,1A2B"), AccessTechnology.UMTS));
        assertEquals(OptionalInt.empty(), TelitModule.rfstsRssi(AtFields.split("\"\",0,0,0,0"), AccessTechnology.NONE));
    }
}
