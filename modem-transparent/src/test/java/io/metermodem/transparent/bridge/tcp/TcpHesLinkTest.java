package io.metermodem.transparent.bridge.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.transparent.bridge.HesLinkListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The link's non-blocking write path over a real loopback connection: what the socket does not take
 * at once is queued and written later, in order, by the writer thread.
 *
 * <p>The class {@link Timeout} is a safety net against a hang on real sockets or the wall clock,
 * not a speed assertion.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpHesLinkTest {

    private static final int TIMEOUT_MS = 10_000;
    /** Far more than loopback socket buffers hold, so that writes are refused part of the way. */
    private static final int TOTAL = 8 * 1024 * 1024;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private ServerSocketChannel server;
    private Socket hes;
    private TcpHesLink link;

    private TcpHesLink accept(int maxQueuedBytes, CountDownLatch gone) throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        hes = new Socket();
        hes.setReceiveBufferSize(4096); // a head-end that reads slowly: small window
        hes.connect(server.getLocalAddress(), TIMEOUT_MS);
        hes.setSoTimeout(TIMEOUT_MS);
        SocketChannel accepted = server.accept();
        accepted.setOption(StandardSocketOptions.SO_SNDBUF, 4096);
        TcpHesLink made = new TcpHesLink(accepted.socket(), "test link", scheduler, maxQueuedBytes, gone::countDown);
        made.attach(new HesLinkListener() {
            @Override
            public void onData(byte[] data, int offset, int length) {
            }

            @Override
            public void onClosed(String reason) {
            }
        });
        made.startThreads();
        return made;
    }

    @AfterEach
    void tearDown() throws IOException {
        if (link != null) {
            link.forceClose();
        }
        if (hes != null) {
            hes.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static byte pattern(int i) {
        return (byte) (i * 31 + (i >>> 8));
    }

    @Test
    @DisplayName("TR-1: bytes the socket does not take at once reach a slow head-end later, complete and in order")
    void backlogIsWrittenInOrder() throws Exception {
        CountDownLatch gone = new CountDownLatch(1);
        link = accept(TOTAL, gone);
        AtomicReference<byte[]> received = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch allSent = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                InputStream in = hes.getInputStream();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                byte[] buffer = new byte[1024];
                allSent.await(); // not reading yet: the socket buffers fill up, the rest is queued
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    all.write(buffer, 0, n);
                }
                received.set(all.toByteArray());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        byte[] chunk = new byte[1000];
        for (int sent = 0; sent < TOTAL; ) {
            int n = Math.min(chunk.length, TOTAL - sent);
            for (int i = 0; i < n; i++) {
                chunk[i] = pattern(sent + i);
            }
            assertTrue(link.send(chunk, 0, n), "send refused at byte " + sent);
            sent += n;
        }
        allSent.countDown();
        link.close("done"); // the writer drains the queue, then closes the connection
        reader.join(TIMEOUT_MS);
        assertEquals(null, failure.get());
        byte[] got = received.get();
        assertEquals(TOTAL, got.length);
        for (int i = 0; i < TOTAL; i++) {
            if (got[i] != pattern(i)) {
                throw new AssertionError("byte " + i + " differs");
            }
        }
        assertTrue(gone.await(TIMEOUT_MS, TimeUnit.MILLISECONDS), "the link did not end after its close");
    }

    @Test
    @DisplayName("TR-1: when a head-end does not read, send refuses what exceeds the bound instead of blocking")
    void boundedWhenPeerDoesNotRead() throws Exception {
        link = accept(64 * 1024, new CountDownLatch(1));
        byte[] chunk = new byte[1024];
        int accepted = 0;
        while (accepted < 16 * 1024 * 1024 && link.send(chunk, 0, chunk.length)) {
            accepted += chunk.length;
        }
        // the socket buffers took some, the queue at most its bound: far less than unbounded
        assertTrue(accepted >= 64 * 1024 - chunk.length, "accepted only " + accepted);
        assertTrue(accepted < 16 * 1024 * 1024, "accepted " + accepted);
    }
}
