package io.metermodem.cellular.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.RegistrationState;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AtFieldsTest {

    @Test
    @DisplayName("HAL-7: +CSQ rssi maps to dBm as -113 + 2n; 99 is unknown")
    void csq() {
        assertEquals(OptionalInt.of(-113), AtFields.csqToDbm(0));
        assertEquals(OptionalInt.of(-73), AtFields.csqToDbm(20));
        assertEquals(OptionalInt.of(-51), AtFields.csqToDbm(31));
        assertEquals(OptionalInt.empty(), AtFields.csqToDbm(99));
    }

    @Test
    @DisplayName("HAL-7: registration reports: a URC starts with <stat>, a query answer with <n>; <AcT> gives the technology")
    void registrationReports() {
        assertEquals(new AtFields.Registration(RegistrationState.REGISTERED_ROAMING, AccessTechnology.LTE),
                AtFields.registrationReport(AtFields.split("5,\"1A2B\",\"01C3D4E5\",7"), false));
        assertEquals(new AtFields.Registration(RegistrationState.REGISTERED_HOME, AccessTechnology.UMTS),
                AtFields.registrationReport(AtFields.split("2,1,\"1A2B\",\"01C3D4E5\",2"), true));
        assertEquals(new AtFields.Registration(RegistrationState.SEARCHING, AccessTechnology.NONE),
                AtFields.registrationReport(AtFields.split("0,2"), true));
        assertEquals(AccessTechnology.LTE_CAT_M1, AtFields.technology(8));
        assertEquals(AccessTechnology.NB_IOT, AtFields.technology(9));
        assertEquals(RegistrationState.DENIED, AtFields.registration(3));
    }

    @Test
    @DisplayName("HAL-7: values split on commas outside quotes")
    void split() {
        assertEquals(List.of("0", "0", "Net, Inc.", "7"), AtFields.split("0,0,\"Net, Inc.\",7"));
    }

    @Property(tries = 500)
    @Label("HAL-7: parsing any text the module sends never throws")
    void neverThrows(@ForAll String text, @ForAll boolean solicited) {
        AtFields.registrationReport(AtFields.split(text), solicited);
        AtFields.number(AtFields.split(text), 1);
    }
}
