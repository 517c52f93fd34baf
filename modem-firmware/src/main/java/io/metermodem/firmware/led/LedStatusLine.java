package io.metermodem.firmware.led;

import io.metermodem.hal.gpio.Led;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The virtual LEDs as one terminal line, redrawn in place on each change, top LED first as on the
 * PCB: {@code LEDs  LED3 green ●  LED1 blue ○  LED2 red ●}. Meant for a terminal only: the carriage
 * return that redraws it would clutter a redirected output.
 */
public final class LedStatusLine implements LedTransitionListener, AutoCloseable {

    private static final List<Led> TOP_DOWN = List.of(Led.LED3, Led.LED1, Led.LED2);

    private final PrintWriter out;
    private final Map<Led, Boolean> levels = new EnumMap<>(Led.class);
    private String shown = "";
    private boolean drawing;

    /** @param out the terminal */
    public LedStatusLine(PrintWriter out) {
        this.out = out;
        for (Led led : Led.values()) {
            levels.put(led, false);
        }
    }

    /** @return the line for the current levels */
    public synchronized String render() {
        StringBuilder s = new StringBuilder("LEDs");
        for (Led led : TOP_DOWN) {
            s.append("  ").append(led.name()).append(' ').append(led.colour()).append(' ')
                    .append(levels.get(led) ? '\u25CF' : '\u25CB');
        }
        return s.toString();
    }

    /** Starts drawing; changes before this are only remembered. */
    public synchronized void start() {
        drawing = true;
        shown = render();
        out.print(shown);
        out.flush();
    }

    @Override
    public synchronized void changed(Led led, boolean on, long nanos) {
        levels.put(led, on);
        String line = render();
        if (drawing && !line.equals(shown)) {
            shown = line;
            out.print('\r');
            out.print(line);
            out.flush();
        }
    }

    /** Ends the line so that later output starts on a fresh one. */
    @Override
    public synchronized void close() {
        if (!shown.isEmpty()) {
            out.println();
            out.flush();
        }
    }
}
