package io.metermodem.testkit.meter;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.transparent.iec.DecodedMessage;
import io.metermodem.transparent.iec.IecDecodeResult;
import io.metermodem.transparent.iec.IecDecoder;
import io.metermodem.transparent.iec.IecDecoderConfig;
import io.metermodem.transparent.iec.IecEncoder;
import io.metermodem.transparent.iec.IecMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The modem's end of the meter line in a test: sends IEC messages, collects and decodes what comes back. */
final class IecModemSide {

    static final LineSettings B9600_7E1 = new LineSettings(9600, FrameFormat.F7E1);

    final MockBoard board;
    final MockSerialPort port;
    private final IecDecoder decoder =
            new IecDecoder(IecDecoderConfig.DEFAULT.withOptionSelectExpected(false));

    IecModemSide(MockBoard board, LineSettings settings) {
        this.board = board;
        this.port = board.meterPort();
        try {
            port.open(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(IecMessage message) throws IOException {
        port.write(IecEncoder.encode(message));
    }

    void send(String text) throws IOException {
        port.write(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Sends a message and lets exactly its transmission time pass at the port's settings. */
    void sendAndWait(IecMessage message) throws IOException {
        byte[] bytes = IecEncoder.encode(message);
        port.write(bytes);
        board.advance(Duration.ofNanos((long) Math.ceil(bytes.length * port.settings().frameBits() * 1e9
                / port.settings().baud())));
    }

    byte[] received() {
        return port.readAvailable();
    }

    List<IecDecodeResult> decode(byte[] bytes) {
        return decoder.feed(bytes);
    }

    List<IecMessage> receivedMessages() {
        List<IecMessage> out = new ArrayList<>();
        for (IecDecodeResult r : decoder.feed(received())) {
            if (r instanceof DecodedMessage m) {
                out.add(m.message());
            }
        }
        return out;
    }

    void reconfigure(LineSettings settings) throws IOException {
        port.reconfigure(settings);
    }
}
