package io.metermodem.hal.mock.cellular;

import io.metermodem.hal.cellular.CallEndReason;
import io.metermodem.hal.cellular.CellularListener;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.cellular.IncomingSms;
import io.metermodem.hal.cellular.ModuleFault;
import io.metermodem.hal.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Records what a {@link CellularListener} hears, as readable lines stamped with virtual milliseconds. */
final class RecordingListener implements CellularListener {

    private final Clock clock;
    final List<String> events = new ArrayList<>();
    final List<CellularStatus> statuses = new ArrayList<>();
    final List<IncomingSms> sms = new ArrayList<>();

    RecordingListener(Clock clock) {
        this.clock = clock;
    }

    private void add(String event) {
        events.add(event + "@" + clock.nanoTime() / 1_000_000);
    }

    @Override
    public void onStatusChanged(CellularStatus status) {
        statuses.add(status);
        add("status:" + status.sim() + "/" + status.registration() + "/" + status.technology()
                + (status.rssiDbm().isPresent() ? "/" + status.rssiDbm().getAsInt() + "dBm" : "")
                + status.ipAddress().map(ip -> "/" + ip).orElse(""));
    }

    @Override
    public void onSmsReceived(IncomingSms message) {
        sms.add(message);
        add("sms:" + message.originator() + ":" + message.text());
    }

    @Override
    public void onRing(String callerNumber, int ringCount) {
        add("ring:" + callerNumber + "#" + ringCount);
    }

    @Override
    public void onRingingStopped(CallEndReason reason) {
        add("ringingStopped:" + reason);
    }

    @Override
    public void onFault(ModuleFault fault) {
        add("fault:" + fault);
    }

    /** @return events without their time stamps */
    List<String> kinds() {
        return events.stream().map(e -> e.substring(0, e.lastIndexOf('@'))).toList();
    }

    CellularStatus lastStatus() {
        return statuses.get(statuses.size() - 1);
    }
}
