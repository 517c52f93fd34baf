package io.metermodem.transparent.fakes;

import io.metermodem.transparent.bridge.Channel;
import io.metermodem.transparent.bridge.HesLink;
import io.metermodem.transparent.bridge.HesLinkListener;
import io.metermodem.transparent.bridge.LinkAcceptor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A stand-in for the bridge: records attached links, what they delivered, and optionally echoes. */
public final class RecordingAcceptor implements LinkAcceptor {

    /** One attached link and what reached its listener. */
    public static final class Attached implements HesLinkListener {
        public final HesLink link;
        public final Channel channel;
        public final ByteArrayOutputStream received = new ByteArrayOutputStream();
        public String closedReason;
        private final boolean echo;

        Attached(HesLink link, Channel channel, boolean echo) {
            this.link = link;
            this.channel = channel;
            this.echo = echo;
        }

        @Override
        public void onData(byte[] data, int offset, int length) {
            if (closedReason != null) {
                throw new AssertionError("data after onClosed on " + link.describe());
            }
            received.write(data, offset, length);
            if (echo) {
                link.send(data, offset, length);
            }
        }

        @Override
        public void onClosed(String reason) {
            if (closedReason != null) {
                throw new AssertionError("onClosed twice on " + link.describe() + ": " + closedReason + ", " + reason);
            }
            closedReason = reason;
        }

        public String receivedText() {
            return received.toString(StandardCharsets.ISO_8859_1);
        }

        public boolean isClosed() {
            return closedReason != null;
        }

        /** Sends text to the head-end as the bridge would. */
        public boolean send(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            return link.send(bytes, 0, bytes.length);
        }
    }

    private final boolean echo;
    public final List<Attached> attached = new ArrayList<>();

    /** @param echo whether every link echoes what it receives, like a loopback meter */
    public RecordingAcceptor(boolean echo) {
        this.echo = echo;
    }

    @Override
    public HesLinkListener attach(HesLink link, Channel channel) {
        Attached entry = new Attached(link, channel, echo);
        attached.add(entry);
        return entry;
    }

    public Attached last() {
        if (attached.isEmpty()) {
            throw new AssertionError("no link attached");
        }
        return attached.get(attached.size() - 1);
    }
}
