package io.metermodem.transparent.bridge;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.serial.LineSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A mock board, a started bridge on its meter port and a recording listener, in virtual time. */
final class BridgeHarness implements AutoCloseable {

    final MockBoard board = MockBoard.builder().build();
    final RecordingBridgeListener events = new RecordingBridgeListener(board.scheduler());
    final TransparentBridge bridge;
    private int links;

    BridgeHarness(TransparentSettings settings) {
        bridge = new TransparentBridge(board.scheduler(), board.meterPort(), settings, events);
        try {
            bridge.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TransparentSettings.Builder settings() {
        return TransparentSettings.builder().primaryPort(0).secondaryPort(0).bindAddress("127.0.0.1");
    }

    TestMeter meter(LineSettings settings) {
        return new TestMeter(board.meterEnd(), settings);
    }

    FakeHesLink connect(Channel channel) {
        return new FakeHesLink(channel + "-" + (++links), board.scheduler()).attachTo(bridge, channel);
    }

    FakeHesLink connect(Channel channel, int capacity) {
        return new FakeHesLink(channel + "-" + (++links), board.scheduler(), capacity).attachTo(bridge, channel);
    }

    void advance(Duration duration) {
        board.advance(duration);
    }

    void advanceMillis(long millis) {
        board.advance(Duration.ofMillis(millis));
    }

    long now() {
        return board.scheduler().nanoTime();
    }

    LineSettings meterLine() {
        return board.meterPort().settings();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] allByteValues() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    @Override
    public void close() {
        bridge.close();
        board.close();
    }
}
