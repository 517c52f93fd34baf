package io.metermodem.transparent.iec;

import static io.metermodem.transparent.iec.TestBytes.ascii;
import static io.metermodem.transparent.iec.TestBytes.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IEC 62056-21 baud-rate follower of the bridge (TR-11): where in the HES's and the meter's
 * streams the meter line must change speed or format, and that those points stay at the same
 * absolute stream position however the bytes are chunked.
 */
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

    /**
     * A whole session as the HES sends it: sign-on, ACK 0 5 0, break, sign-on, ACK 0 4 1, and a new
     * sign-on while the line runs 4800 baud; the switch points every chunking must reproduce, as
     * absolute stream positions.
     */
    private static final byte[] SESSION = concat(ascii("/?!\r\n"), ACK_050, IecEncoder.encode(new Break()),
            ascii("/?!\r\n"), IecEncoder.encode(AckOptionSelect.programming(IecBaudRate.B4800)), ascii("/?1!\r\n"));
    private static final List<String> SESSION_SWITCHES = List.of("11 9600 7E1 OPTION_SELECT", "16 300 7E1 BREAK",
            "27 4800 7E1 OPTION_SELECT", "27 300 7E1 NEW_SIGN_ON");

    /** Feeds {@code pieces} (consecutive parts of one stream) and names each switch by its absolute position. */
    private static List<String> switchesFor(List<byte[]> pieces) {
        IecBaudFollower follower = new IecBaudFollower();
        List<String> switches = new ArrayList<>();
        int start = 0;
        for (byte[] piece : pieces) {
            for (BaudFollowerEvent event : follower.onHesToMeter(piece, 0, piece.length)) {
                SwitchMeterLine s = (SwitchMeterLine) event;
                switches.add((start + s.afterBytes()) + " " + s.settings() + " " + s.reason());
            }
            start += piece.length;
        }
        return switches;
    }

    private static List<byte[]> fixedChunks(byte[] stream, int chunk) {
        List<byte[]> pieces = new ArrayList<>();
        for (int start = 0; start < stream.length; start += chunk) {
            pieces.add(Arrays.copyOfRange(stream, start, Math.min(stream.length, start + chunk)));
        }
        return pieces;
    }

    static IntStream chunkSizes() {
        return IntStream.rangeClosed(1, 12);
    }

    static IntStream cutPoints() {
        return IntStream.rangeClosed(0, SESSION.length);
    }

    @ParameterizedTest(name = "chunks of {0}")
    @MethodSource("chunkSizes")
    @DisplayName("TR-11: the switch points of a whole session are the same in absolute stream position for every chunk size 1..12")
    void chunkSizeDoesNotMoveSwitchPoints(int chunk) {
        assertEquals(SESSION_SWITCHES, switchesFor(fixedChunks(SESSION, chunk)));
    }

    @ParameterizedTest(name = "cut at {0}")
    @MethodSource("cutPoints")
    @DisplayName("TR-11: the session split in two at every byte boundary switches at the same absolute positions")
    void everyCutPointKeepsSwitchPoints(int cut) {
        List<byte[]> pieces = List.of(Arrays.copyOfRange(SESSION, 0, cut),
                Arrays.copyOfRange(SESSION, cut, SESSION.length));
        assertEquals(SESSION_SWITCHES, switchesFor(pieces));
    }

    @Property(tries = 300)
    @DisplayName("TR-11: the switch points of a whole session are the same in absolute stream position for any chunking")
    void chunkingDoesNotMoveSwitchPoints(Gen gen) {
        assertEquals(SESSION_SWITCHES, switchesFor(gen.chunks(SESSION)));
    }
}
