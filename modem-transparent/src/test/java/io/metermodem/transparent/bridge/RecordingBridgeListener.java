package io.metermodem.transparent.bridge;

import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.time.Clock;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the bridge's events with their time on the board's clock. */
final class RecordingBridgeListener implements BridgeListener {

    /** One event: what and when. */
    record Event(long nanos, String what) {
    }

    private final Clock clock;
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<LineSettings> lineChanges = new CopyOnWriteArrayList<>();

    RecordingBridgeListener(Clock clock) {
        this.clock = clock;
    }

    private void add(String what) {
        events.add(new Event(clock.nanoTime(), what));
    }

    List<String> names() {
        return events.stream().map(Event::what).toList();
    }

    long count(String prefix) {
        return events.stream().filter(e -> e.what().startsWith(prefix)).count();
    }

    Event first(String prefix) {
        return events.stream().filter(e -> e.what().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + prefix + " in " + names()));
    }

    @Override
    public void sessionStarted(Channel channel, String link) {
        add("started " + channel);
    }

    @Override
    public void sessionEnded(Channel channel, String link, String reason) {
        add("ended " + channel + ": " + reason);
    }

    @Override
    public void sessionPreempted(Channel channel, String link, Channel by) {
        add("preempted " + channel + " by " + by);
    }

    @Override
    public void sessionResumed(Channel channel, String link) {
        add("resumed " + channel);
    }

    @Override
    public void meterAnswering() {
        add("meterAnswering");
    }

    @Override
    public void meterSilent() {
        add("meterSilent");
    }

    @Override
    public void meterPortError(IOException error) {
        add("meterPortError " + error.getMessage());
    }

    @Override
    public void connectionRefused(String link, String reason) {
        add("refused " + link + ": " + reason);
    }

    @Override
    public void lineSettingsChanged(LineSettings settings, String reason) {
        lineChanges.add(settings);
        add("line " + settings + " (" + reason + ")");
    }
}
