package io.metermodem.transparent.iec;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows the speed changes of an IEC 62056-21 exchange that the transparent bridge passes between
 * an HES and the meter (TR-11), so that a mode C readout at 9600 baud works through a modem whose
 * meter port would otherwise stay at 300 baud.
 *
 * <p>The bridge shows the follower every chunk it forwards, in both directions, and acts on the
 * returned {@link SwitchMeterLine} events:
 * <ul>
 *   <li>HES sends {@code ACK V Z Y CR LF}: once that message has been transmitted to the meter, the
 *       line changes to rate Z, 7E1 (8N1 when V = 2 selects HDLC, mode E);</li>
 *   <li>either side sends a break {@code SOH B0 ETX BCC}: back to 300 baud 7E1 after it;</li>
 *   <li>HES starts a new sign-on (a {@code /} between messages) while the line is not at 300 7E1:
 *       back to 300 7E1 before that byte, because a sign-on is always sent at 300 baud (this also
 *       covers the meter's silent return to 300 baud at the end of a mode C readout).</li>
 * </ul>
 * The follower does not hold back or change bytes: it only says where in the stream the line must
 * change. Example:
 * <pre>{@code
 * for (BaudFollowerEvent e : follower.onHesToMeter(chunk, 0, n)) {
 *     if (e instanceof SwitchMeterLine s) { writeAndDrain(chunk, 0, s.afterBytes()); meter.configure(s.settings()); ... }
 * }
 * }</pre>
 * Not thread-safe: the bridge calls it from its one serialized executor.
 */
public final class IecBaudFollower {

    private final IecDecoder fromHes;
    private final IecDecoder fromMeter;
    private final boolean stripParityBit;
    private LineSettings meterLine = LineSettings.IEC_SIGN_ON;

    /** A follower for an HES that sends 7-bit characters; the meter line starts at 300 7E1. */
    public IecBaudFollower() {
        this(false);
    }

    /**
     * @param stripParityBit clear bit 7 of the bytes seen, for an HES or meter whose 7E1 characters
     *                       reach the bridge with the parity bit in bit 7
     */
    public IecBaudFollower(boolean stripParityBit) {
        this.stripParityBit = stripParityBit;
        IecDecoderConfig config = IecDecoderConfig.DEFAULT.withStripParityBit(stripParityBit);
        this.fromHes = new IecDecoder(config.withOptionSelectExpected(true));
        this.fromMeter = new IecDecoder(config.withOptionSelectExpected(false));
    }

    /**
     * A chunk the bridge is about to forward from the HES to the meter.
     *
     * @param data   buffer
     * @param offset first byte
     * @param count  number of bytes
     * @return line changes, in stream order, with their position in this chunk
     * @throws IllegalArgumentException if the range is outside {@code data}
     */
    public List<BaudFollowerEvent> onHesToMeter(byte[] data, int offset, int count) {
        checkRange(data, offset, count);
        List<BaudFollowerEvent> events = new ArrayList<>(1);
        for (int i = 0; i < count; i++) {
            int b = data[offset + i] & (stripParityBit ? 0x7F : 0xFF);
            if (b == '/' && fromHes.isBetweenFrames() && !meterLine.equals(LineSettings.IEC_SIGN_ON)) {
                switchTo(LineSettings.IEC_SIGN_ON, SwitchReason.NEW_SIGN_ON, i, events);
            }
            for (IecDecodeResult result : fromHes.feed(data, offset + i, 1)) {
                if (result instanceof DecodedMessage(AckOptionSelect select, var start, var end)) {
                    optionSelect(select, i + 1, events);
                } else if (result instanceof DecodedMessage(Break brk, var start, var end)) {
                    switchTo(LineSettings.IEC_SIGN_ON, SwitchReason.BREAK, i + 1, events);
                }
            }
        }
        return events;
    }

    /**
     * A chunk the bridge received from the meter (and forwards to the HES).
     *
     * @param data   buffer
     * @param offset first byte
     * @param count  number of bytes
     * @return line changes (a break from the meter), to apply at once
     * @throws IllegalArgumentException if the range is outside {@code data}
     */
    public List<BaudFollowerEvent> onMeterToHes(byte[] data, int offset, int count) {
        checkRange(data, offset, count);
        List<BaudFollowerEvent> events = new ArrayList<>(1);
        for (int i = 0; i < count; i++) {
            for (IecDecodeResult result : fromMeter.feed(data, offset + i, 1)) {
                if (result instanceof DecodedMessage(Break brk, var start, var end)) {
                    switchTo(LineSettings.IEC_SIGN_ON, SwitchReason.BREAK, i + 1, events);
                }
            }
        }
        return events;
    }

    /** @return the settings the meter line should have now, after all events returned so far */
    public LineSettings meterLine() {
        return meterLine;
    }

    private void optionSelect(AckOptionSelect select, int afterBytes, List<BaudFollowerEvent> events) {
        Optional<IecBaudRate> rate = select.baudRate();
        if (rate.isEmpty()) {
            events.add(new OptionSelectNotFollowed(select, "baud rate character '" + select.baudCode()
                    + "' is reserved in mode C"));
            return;
        }
        // Mode E: after ACK 2 Z 2 the HDLC link layer runs 8 data bits without parity.
        FrameFormat format = select.selectsHdlc() ? FrameFormat.F8N1 : FrameFormat.F7E1;
        switchTo(new LineSettings(rate.get().baud(), format), SwitchReason.OPTION_SELECT, afterBytes, events);
    }

    private void switchTo(LineSettings settings, SwitchReason reason, int afterBytes, List<BaudFollowerEvent> events) {
        if (settings.equals(meterLine)) {
            return;
        }
        meterLine = settings;
        events.add(new SwitchMeterLine(settings, reason, afterBytes));
    }

    private static void checkRange(byte[] data, int offset, int count) {
        if (data == null || offset < 0 || count < 0 || offset > data.length - count) {
            throw new IllegalArgumentException("range [" + offset + ", +" + count + ") outside the data");
        }
    }
}
