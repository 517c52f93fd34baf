package io.metermodem.hal.mock.cellular;

import io.metermodem.hal.cellular.CellularException;
import io.metermodem.hal.cellular.CsdCall;
import io.metermodem.hal.cellular.CsdReceiver;

/** The modem's end of a {@link CsdLink}: what {@link MockCellularNetwork#answer()} and dial hand out. */
final class MockCsdCall implements CsdCall {

    private final CsdLink link;

    MockCsdCall(CsdLink link) {
        this.link = link;
    }

    @Override
    public String remoteNumber() {
        return link.remoteNumber();
    }

    @Override
    public boolean isConnected() {
        return link.modemConnected();
    }

    @Override
    public void write(byte[] data, int offset, int length) throws CellularException {
        link.modemWrite(data, offset, length);
    }

    @Override
    public void setReceiver(CsdReceiver receiver) {
        link.setReceiver(receiver);
    }

    @Override
    public void hangUp() {
        link.modemHangUp();
    }

    @Override
    public String toString() {
        return "MockCsdCall[" + link.remoteNumber() + ", " + link.phase() + "]";
    }
}
