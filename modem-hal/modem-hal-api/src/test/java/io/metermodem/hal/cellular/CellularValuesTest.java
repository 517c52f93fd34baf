package io.metermodem.hal.cellular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CellularValuesTest {

    @Test
    @DisplayName("HAL-7: access technologies map to the generation the LEDs count (2G/3G/4G, Cat-M1 and NB-IoT as 4G)")
    void generations() {
        assertEquals(2, AccessTechnology.GSM.generation());
        assertEquals(3, AccessTechnology.UMTS.generation());
        assertEquals(4, AccessTechnology.LTE.generation());
        assertEquals(4, AccessTechnology.LTE_CAT_M1.generation());
        assertEquals(4, AccessTechnology.NB_IOT.generation());
        assertEquals(0, AccessTechnology.NONE.generation());
    }

    @Test
    @DisplayName("HAL-7: only home and roaming registrations count as registered")
    void registered() {
        assertTrue(RegistrationState.REGISTERED_HOME.isRegistered());
        assertTrue(RegistrationState.REGISTERED_ROAMING.isRegistered());
        assertFalse(RegistrationState.SEARCHING.isRegistered());
        assertFalse(RegistrationState.DENIED.isRegistered());
    }

    @Test
    @DisplayName("HAL-7: identities are checked: IMEI 15 digits, IMSI up to 15, ICCID 18..20")
    void identities() {
        ModuleIdentity ok = new ModuleIdentity("Quectel", "EC21", "EC21EFAR06A01M4G", "356938035643809",
                Optional.of("216301234567890"), Optional.of("8936301234567890123"));
        assertEquals("356938035643809", ok.imei());
        assertThrows(IllegalArgumentException.class, () -> new ModuleIdentity("Q", "M", "R", "35693803564380",
                Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new ModuleIdentity("Q", "M", "R", "356938035643809",
                Optional.of("21630123456789012"), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new ModuleIdentity("Q", "M", "R", "356938035643809",
                Optional.empty(), Optional.of("12AB")));
    }

    @Test
    @DisplayName("HAL-7: SMS values refuse malformed numbers and overlong texts")
    void smsValues() {
        assertEquals("+36301234567", new OutgoingSms("+36301234567", "cmd=?conn.apn_name").destination());
        assertThrows(IllegalArgumentException.class, () -> new OutgoingSms("36-30-123", "x"));
        assertThrows(IllegalArgumentException.class, () -> new OutgoingSms("+3630", "x".repeat(OutgoingSms.MAX_TEXT_LENGTH + 1)));
        assertThrows(IllegalArgumentException.class, () -> new IncomingSms("", Instant.EPOCH, "x"));
    }

    @Test
    @DisplayName("HAL-7: an APN never shows its password when printed")
    void apnHidesPassword() {
        Apn apn = new Apn("internet.example", "meter", "s3cret");
        assertFalse(apn.toString().contains("s3cret"), apn.toString());
        assertTrue(apn.toString().contains("internet.example"));
        assertThrows(IllegalArgumentException.class, () -> Apn.of(""));
    }
}
