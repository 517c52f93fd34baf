package io.metermodem.firmware.led;

import io.metermodem.hal.gpio.Led;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every LED transition as one JSON line ({@code ./modem run --led-log FILE}):
 * {@code {"t_ms":1500,"led":"LED3","on":false}}, with {@code t_ms} the milliseconds since the modem
 * started. A write error stops the log (reported once by {@link #error()}); it never disturbs the LEDs.
 */
public final class LedJsonLog implements LedTransitionListener, AutoCloseable {

    private final Writer out;
    private final long startNanos;
    private IOException error;

    /**
     * @param out        where the lines go
     * @param startNanos time zero of {@code t_ms}, on the modem's clock
     */
    public LedJsonLog(Writer out, long startNanos) {
        this.out = out;
        this.startNanos = startNanos;
    }

    /**
     * @param file       the log file, created or truncated
     * @param startNanos time zero of {@code t_ms}
     * @return the log
     * @throws IOException if the file cannot be opened
     */
    public static LedJsonLog toFile(Path file, long startNanos) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new LedJsonLog(w, startNanos);
    }

    /**
     * @param tMs time since start in milliseconds
     * @param led the LED
     * @param on  its new level
     * @return the JSON line, without the line end
     */
    public static String line(long tMs, Led led, boolean on) {
        return "{\"t_ms\":" + tMs + ",\"led\":\"" + led.name() + "\",\"on\":" + on + "}";
    }

    @Override
    public synchronized void changed(Led led, boolean on, long nanos) {
        if (error != null) {
            return;
        }
        try {
            out.write(line((nanos - startNanos) / 1_000_000, led, on));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            error = e;
        }
    }

    /** @return the write error that stopped the log, or {@code null} */
    public synchronized IOException error() {
        return error;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
