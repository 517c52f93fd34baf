package io.metermodem.transparent.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * A {@link HesByteChannel} over a real TCP socket, in wall-clock time: how a head-end reaches the
 * modem's transparent port. Line changes are not the HES's business over TCP (the bridge follows
 * the IEC option select on the meter line), so {@link #followLineChange} stays a no-op.
 */
public final class TcpHesChannel implements HesByteChannel {

    private static final byte[] NONE = new byte[0];

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[2048];

    /**
     * Connects.
     *
     * @param host           host name or address
     * @param port           TCP port
     * @param connectTimeout the longest wait for the connection
     * @throws IOException if the connection fails
     */
    public TcpHesChannel(String host, int port, Duration connectTimeout) throws IOException {
        socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // HDLC frames are small and the exchange is strictly request/response
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    @Override
    public byte[] read(Duration timeout) throws IOException {
        long millis = Math.max(1, timeout.toMillis());
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millis));
        try {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the modem closed the connection");
            }
            return Arrays.copyOf(buffer, n);
        } catch (SocketTimeoutException e) {
            return NONE;
        }
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that failed is not worth reporting
        }
    }
}
