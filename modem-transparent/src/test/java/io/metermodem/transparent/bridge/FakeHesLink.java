package io.metermodem.transparent.bridge;

import io.metermodem.hal.time.Scheduler;
import java.io.ByteArrayOutputStream;

/**
 * An in-memory head-end link: records what the bridge sends, refuses beyond a capacity, and reports
 * its close back to the bridge on the scheduler as a real driver does.
 */
final class FakeHesLink implements HesLink {

    private final String name;
    private final Scheduler scheduler;
    private final int capacity;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private HesLinkListener bridge;
    private String closeReason;

    FakeHesLink(String name, Scheduler scheduler) {
        this(name, scheduler, Integer.MAX_VALUE);
    }

    FakeHesLink(String name, Scheduler scheduler, int capacity) {
        this.name = name;
        this.scheduler = scheduler;
        this.capacity = capacity;
    }

    FakeHesLink attachTo(TransparentBridge transparentBridge, Channel channel) {
        bridge = transparentBridge.attach(this, channel);
        return this;
    }

    /** The head-end sends bytes (call on the scheduler's thread, i.e. between advances). */
    void hesSends(byte[] data) {
        bridge.onData(data, 0, data.length);
    }

    /** The head-end hangs up. */
    void hesCloses() {
        bridge.onClosed("peer closed");
    }

    byte[] received() {
        return received.toByteArray();
    }

    boolean isClosed() {
        return closeReason != null;
    }

    String closeReason() {
        return closeReason;
    }

    @Override
    public String describe() {
        return "fake " + name;
    }

    @Override
    public boolean send(byte[] data, int offset, int length) {
        if (closeReason != null || received.size() + length > capacity) {
            return false;
        }
        received.write(data, offset, length);
        return true;
    }

    @Override
    public void close(String reason) {
        if (closeReason == null) {
            closeReason = reason;
            scheduler.execute(() -> bridge.onClosed(reason));
        }
    }
}
