package io.metermodem.transparent.iec;

import static io.metermodem.transparent.iec.TestBytes.ascii;
import static io.metermodem.transparent.iec.TestBytes.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IecBaudFollowerTest {

    private static final LineSettings L9600 = new LineSettings(9600, FrameFormat.F7E1);
    private static final byte[] ACK_050 = IecEncoder.encode(AckOptionSelect.readout(IecBaudRate.B9600));

    private static List<BaudFollowerEvent> hes(IecBaudFollower follower, byte[] bytes) {
        return follower.onHesToMeter(bytes, 0, bytes.length);
    }

    private static IecBaudFollower at9600() {
        IecBaudFollower follower = new IecBaudFollower();
        hes(follower, ascii("/?!\r\n"));
        follower.onMeterToHes(ascii("/ISk5MT174\r\n"), 0, 12);
        hes(follower, ACK_050);
        return follower;
    }

    @Test
    @DisplayName("TR-11: after the HES's ACK 0 5 0 has been passed on, the meter line switches to 9600 7E1")
    void optionSelectSwitches() {
        IecBaudFollower follower = new IecBaudFollower();
        assertEquals(List.of(), hes(follower, ascii("/?!\r\n")));
        assertEquals(List.of(), follower.onMeterToHes(ascii("/ISk5MT174\r\n"), 0, 12));
        assertEquals(List.of(new SwitchMeterLine(L9600, SwitchReason.OPTION_SELECT, 6)), hes(follower, ACK_050));
        assertEquals(L9600, follower.meterLine());
    }

    @Test
    @DisplayName("TR-11: an option select split over reads switches at the read holding its LF, after that LF")
    void splitOptionSelect() {
        IecBaudFollower follower = new IecBaudFollower();
        assertEquals(List.of(), follower.onHesToMeter(ACK_050, 0, 4));
        assertEquals(List.of(new SwitchMeterLine(L9600, SwitchReason.OPTION_SELECT, 2)), follower.onHesToMeter(ACK_050, 4, 2));
    }

    @Test
    @DisplayName("TR-11: bytes after the option select in the same read are sent after the switch")
    void switchPointInsideRead() {
        IecBaudFollower follower = new IecBaudFollower();
        byte[] read = concat(ascii("/?!\r\n"), ACK_050, new byte[] {0x15});
        assertEquals(List.of(new SwitchMeterLine(L9600, SwitchReason.OPTION_SELECT, 11)), hes(follower, read));
    }

    @Test
    @DisplayName("TR-11: ACK 2 Z 2 (mode E, HDLC) switches to rate Z with 8N1")
    void hdlcOptionSelect() {
        IecBaudFollower follower = new IecBaudFollower();
        assertEquals(List.of(new SwitchMeterLine(new LineSettings(9600, FrameFormat.F8N1), SwitchReason.OPTION_SELECT, 6)),
                hes(follower, IecEncoder.encode(AckOptionSelect.hdlc(IecBaudRate.B9600))));
    }

    @Test
    @DisplayName("TR-11: a break from the HES switches back to 300 7E1 after the break has been sent")
    void breakFromHes() {
        IecBaudFollower follower = at9600();
        assertEquals(List.of(new SwitchMeterLine(LineSettings.IEC_SIGN_ON, SwitchReason.BREAK, 5)),
                hes(follower, IecEncoder.encode(new Break())));
        assertEquals(LineSettings.IEC_SIGN_ON, follower.meterLine());
    }

    @Test
    @DisplayName("TR-11: a break from the meter switches back to 300 7E1 at once")
    void breakFromMeter() {
        IecBaudFollower follower = at9600();
        byte[] read = concat(ascii("xyz"), IecEncoder.encode(new Break()));
        assertEquals(List.of(new SwitchMeterLine(LineSettings.IEC_SIGN_ON, SwitchReason.BREAK, 8)),
                follower.onMeterToHes(read, 0, read.length));
    }

    @Test
    @DisplayName("TR-11: a new sign-on while the line is fast switches to 300 7E1 before the '/' is sent")
    void newSignOn() {
        IecBaudFollower follower = at9600();
        follower.onMeterToHes(IecEncoder.encode(new DataMessage("C.1.0(1)\r\n!\r\n")), 0, 15);
        byte[] read = concat(new byte[] {0x06}, ascii("/?!\r\n"));
        assertEquals(List.of(new SwitchMeterLine(LineSettings.IEC_SIGN_ON, SwitchReason.NEW_SIGN_ON, 1)), hes(follower, read));
    }

    @Test
    @DisplayName("TR-11: a sign-on at 300 baud and a '/' inside a command message cause no switch")
    void noNeedlessSwitch() {
        IecBaudFollower follower = new IecBaudFollower();
        assertEquals(List.of(), hes(follower, ascii("/?!\r\n/?!\r\n")));
        IecBaudFollower fast = at9600();
        assertEquals(List.of(), hes(fast, IecEncoder.encode(CommandMessage.write("0.9.2", "25/11/23"))));
        assertEquals(L9600, fast.meterLine());
    }

    @Test
    @DisplayName("TR-11: an option select with a reserved baud digit is reported and not followed")
    void reservedDigit() {
        IecBaudFollower follower = new IecBaudFollower();
        List<BaudFollowerEvent> events = hes(follower, IecEncoder.encode(new AckOptionSelect('0', '8', '0')));
        assertEquals(1, events.size());
        assertEquals(new AckOptionSelect('0', '8', '0'), ((OptionSelectNotFollowed) events.get(0)).optionSelect());
        assertEquals(LineSettings.IEC_SIGN_ON, follower.meterLine());
    }

    @Test
    @DisplayName("TR-11: an HES whose 7E1 bytes carry the parity bit is followed when stripping is on")
    void parityBits() {
        IecBaudFollower follower = new IecBaudFollower(true);
        assertEquals(List.of(new SwitchMeterLine(L9600, SwitchReason.OPTION_SELECT, 6)),
                hes(follower, TestBytes.withEvenParity(ACK_050)));
    }

    @Test
    @DisplayName("TR-11: a range outside the buffer is API misuse")
    void misuse() {
        assertThrows(IllegalArgumentException.class, () -> new IecBaudFollower().onHesToMeter(new byte[2], 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new IecBaudFollower().onMeterToHes(null, 0, 0));
    }

    @Property(tries = 300)
    @Label("TR-11: the switch points of a whole session are the same in absolute stream position for any chunking")
    void chunkingDoesNotMoveSwitchPoints(@ForAll @IntRange(min = 1, max = 12) int chunk) {
        byte[] stream = concat(ascii("/?!\r\n"), ACK_050, IecEncoder.encode(new Break()), ascii("/?!\r\n"),
                IecEncoder.encode(AckOptionSelect.programming(IecBaudRate.B4800)), ascii("/?1!\r\n"));
        IecBaudFollower follower = new IecBaudFollower();
        List<String> switches = new ArrayList<>();
        for (int start = 0; start < stream.length; start += chunk) {
            int count = Math.min(chunk, stream.length - start);
            for (BaudFollowerEvent event : follower.onHesToMeter(stream, start, count)) {
                SwitchMeterLine s = (SwitchMeterLine) event;
                switches.add((start + s.afterBytes()) + " " + s.settings() + " " + s.reason());
            }
        }
        assertEquals(List.of("11 9600 7E1 OPTION_SELECT", "16 300 7E1 BREAK", "27 4800 7E1 OPTION_SELECT",
                "27 300 7E1 NEW_SIGN_ON"), switches);
    }
}
