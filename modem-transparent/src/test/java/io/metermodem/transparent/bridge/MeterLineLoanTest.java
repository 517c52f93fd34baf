package io.metermodem.transparent.bridge;

import static io.metermodem.transparent.bridge.BridgeHarness.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.serial.LineSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bridge lends the meter line to the modem's own reader (mread, SMS-8) with the lowest priority (TR-3). */
class MeterLineLoanTest {

    private static final class Borrower implements MeterLineBorrower {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final List<Channel> revokedBy = new ArrayList<>();

        @Override
        public void onMeterData(byte[] bytes) {
            data.writeBytes(bytes);
        }

        @Override
        public void onRevoked(Channel by) {
            revokedBy.add(by);
        }
    }

    @Test
    @DisplayName("TR-3, SMS-8: an idle line is lent; the borrower's bytes reach the meter and the meter's reach the borrower")
    void lendsIdleLine() throws IOException {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(300).build())) {
            TestMeter meter = h.meter(LineSettings.IEC_SIGN_ON).echo();
            Borrower b = new Borrower();
            MeterLineLoan loan = h.bridge.borrowMeterLine(b).orElseThrow();
            loan.reconfigure(LineSettings.IEC_SIGN_ON);
            loan.write(ascii("/?!\r\n"));
            h.advanceMillis(400);
            assertArrayEquals(ascii("/?!\r\n"), meter.received());
            assertArrayEquals(ascii("/?!\r\n"), b.data.toByteArray());
            assertTrue(h.bridge.borrowMeterLine(new Borrower()).isEmpty(), "lent once at a time");
            loan.close();
            assertFalse(loan.isActive());
            assertTrue(h.bridge.borrowMeterLine(new Borrower()).isPresent(), "returned, lendable again");
        }
    }

    @Test
    @DisplayName("TR-3, SMS-8: no loan while a head-end session owns the line")
    void refusedWhileOwned() {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(300).build())) {
            h.meter(LineSettings.IEC_SIGN_ON);
            h.connect(Channel.SECONDARY).hesSends(ascii("/?!\r\n"));
            assertTrue(h.bridge.borrowMeterLine(new Borrower()).isEmpty());
        }
    }

    @Test
    @DisplayName("TR-3, SMS-8: a head-end's first byte revokes the loan; its bytes reach the meter, the borrower's no longer")
    void revokedByHeadEnd() throws IOException {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(300).build())) {
            TestMeter meter = h.meter(LineSettings.IEC_SIGN_ON);
            Borrower b = new Borrower();
            MeterLineLoan loan = h.bridge.borrowMeterLine(b).orElseThrow();
            h.connect(Channel.SECONDARY).hesSends(ascii("/?!\r\n"));
            assertEquals(List.of(Channel.SECONDARY), b.revokedBy);
            assertFalse(loan.isActive());
            assertThrows(IOException.class, () -> loan.write(ascii("x")));
            h.advanceMillis(400);
            assertArrayEquals(ascii("/?!\r\n"), meter.received());
            assertEquals(Channel.SECONDARY, h.bridge.lineOwner().orElseThrow());
            loan.close(); // harmless after revocation
            assertEquals(Channel.SECONDARY, h.bridge.lineOwner().orElseThrow());
        }
    }
}
