package io.metermodem.cellular.driver;

import io.metermodem.hal.cellular.CallEndReason;
import io.metermodem.hal.cellular.CsdCall;
import io.metermodem.hal.cellular.CsdReceiver;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A CSD call in online data mode on the module's UART (HAL-7). Received data goes to the
 * receiver; bytes that arrive before a receiver is set are kept (bounded) and handed over with it.
 */
final class AtCsdCall implements CsdCall {

    private static final int EARLY_DATA_LIMIT = 4096;

    private final String remote;
    private final AtCellularModule module;
    private CsdReceiver receiver;
    private byte[] early = new byte[0];
    private volatile boolean connected = true;
    private CallEndReason endReason;

    AtCsdCall(String remote, AtCellularModule module) {
        this.remote = remote;
        this.module = module;
    }

    @Override
    public String remoteNumber() {
        return remote;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (!connected) {
            throw new IOException("call ended");
        }
        module.write(this, Arrays.copyOfRange(data, offset, offset + length));
    }

    @Override
    public synchronized void setReceiver(CsdReceiver newReceiver) {
        this.receiver = newReceiver;
        if (newReceiver != null && early.length > 0) {
            byte[] held = early;
            early = new byte[0];
            newReceiver.onData(held, 0, held.length);
        }
        if (newReceiver != null && endReason != null) {
            newReceiver.onEnded(endReason);
        }
    }

    @Override
    public void hangUp() {
        if (connected) {
            module.hangUp(this);
        }
    }

    synchronized void received(byte[] bytes) {
        if (receiver != null) {
            receiver.onData(bytes, 0, bytes.length);
        } else if (early.length < EARLY_DATA_LIMIT) {
            int take = Math.min(bytes.length, EARLY_DATA_LIMIT - early.length);
            byte[] grown = Arrays.copyOf(early, early.length + take);
            System.arraycopy(bytes, 0, grown, early.length, take);
            early = grown;
        }
    }

    synchronized void ended(CallEndReason reason) {
        if (!connected) {
            return;
        }
        connected = false;
        endReason = reason;
        if (receiver != null) {
            receiver.onEnded(reason);
        }
    }
}
