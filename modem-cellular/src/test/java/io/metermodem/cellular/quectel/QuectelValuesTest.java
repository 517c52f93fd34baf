package io.metermodem.cellular.quectel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.cellular.driver.AtFields;
import io.metermodem.hal.cellular.AccessTechnology;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuectelValuesTest {

    @Test
    @DisplayName("HAL-7: Quectel +QCSQ gives the RSSI in dBm per system mode; NOSERVICE gives none")
    void qcsq() {
        assertEquals(OptionalInt.of(-65), QuectelModule.qcsqDbm(AtFields.split("\"LTE\",-65,-95,120,-10")));
        assertEquals(OptionalInt.of(-80), QuectelModule.qcsqDbm(AtFields.split("\"GSM\",-80")));
        assertEquals(OptionalInt.of(-70), QuectelModule.qcsqDbm(AtFields.split("\"WCDMA\",-70,-80,-8")));
        assertEquals(OptionalInt.empty(), QuectelModule.qcsqDbm(AtFields.split("\"NOSERVICE\"")));
    }

    @Test
    @DisplayName("HAL-7: Quectel +QNWINFO names the access technology")
    void nwinfo() {
        assertEquals(AccessTechnology.LTE, QuectelModule.nwinfoTechnology("FDD LTE"));
        assertEquals(AccessTechnology.UMTS, QuectelModule.nwinfoTechnology("HSPA+"));
        assertEquals(AccessTechnology.GSM, QuectelModule.nwinfoTechnology("EDGE"));
        assertEquals(AccessTechnology.LTE_CAT_M1, QuectelModule.nwinfoTechnology("CAT-M"));
        assertEquals(AccessTechnology.NONE, QuectelModule.nwinfoTechnology("No Service"));
    }
}
