package io.metermodem.hal.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ControlLineTest {

    @Test
    @DisplayName("HAL-2: DCD Fix 0 and Fix 1 ignore the connection, Standard follows it, Inverted opposes it")
    void dcdModes() {
        assertFalse(DcdMode.FIX_0.level(true));
        assertFalse(DcdMode.FIX_0.level(false));
        assertTrue(DcdMode.FIX_1.level(true));
        assertTrue(DcdMode.FIX_1.level(false));
        assertTrue(DcdMode.STANDARD.level(true));
        assertFalse(DcdMode.STANDARD.level(false));
        assertFalse(DcdMode.INVERTED.level(true));
        assertTrue(DcdMode.INVERTED.level(false));
    }

    @Test
    @DisplayName("HAL-2: the modem (DCE) drives DCD, DSR, CTS and RI; the terminal drives DTR and RTS")
    void lineOwnership() {
        assertEquals(PortRole.DCE, ControlLine.DCD.drivenBy());
        assertEquals(PortRole.DCE, ControlLine.DSR.drivenBy());
        assertEquals(PortRole.DCE, ControlLine.CTS.drivenBy());
        assertEquals(PortRole.DCE, ControlLine.RI.drivenBy());
        assertEquals(PortRole.DTE, ControlLine.DTR.drivenBy());
        assertEquals(PortRole.DTE, ControlLine.RTS.drivenBy());
    }
}
