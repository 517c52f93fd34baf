package io.metermodem.firmware.cli;

import io.metermodem.config.Configuration;
import io.metermodem.firmware.led.FirmwareLeds;
import io.metermodem.firmware.led.LedJsonLog;
import io.metermodem.firmware.led.LedStatusLine;
import io.metermodem.firmware.led.LedTransitionListener;
import io.metermodem.hal.Board;
import io.metermodem.hal.gpio.DigitalOutput;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.pi.PiDigitalOutput;
import io.metermodem.hal.pi.PinMap;
import io.metermodem.hal.time.Scheduler;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import io.metermodem.led.LedAssignment;
import io.metermodem.transparent.bridge.BridgeListener;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The LEDs of {@code ./modem run}: on the board's LED outputs when there is a board, virtual
 * otherwise; shown as a terminal status line ({@code --led-line}) and logged as JSON lines
 * ({@code --led-log}).
 */
final class RunLeds implements AutoCloseable {

    /** When to draw the LED status line. */
    enum When { auto, always, never }

    private final FirmwareLeds leds;
    private final LedJsonLog log;
    private final LedStatusLine line;
    private final Context gpio;

    private RunLeds(FirmwareLeds leds, LedJsonLog log, LedStatusLine line, Context gpio) {
        this.leds = leds;
        this.log = log;
        this.line = line;
        this.gpio = gpio;
    }

    /**
     * @param gpio drive the Raspberry Pi's LED pins (BCM numbers of {@link PinMap#defaults()}) through
     *             the HAL's {@link PiDigitalOutput}s instead of the board's outputs
     */
    static RunLeds start(Scheduler scheduler, Board board, Configuration config, int meterBaud, Path logFile,
                         When when, PrintWriter out, boolean gpio) throws IOException {
        List<LedTransitionListener> listeners = new ArrayList<>();
        LedJsonLog log = logFile == null ? null : LedJsonLog.toFile(logFile, scheduler.nanoTime());
        if (log != null) {
            listeners.add(log);
        }
        boolean show = when == When.always || (when == When.auto && isTerminal());
        LedStatusLine line = show ? new LedStatusLine(out) : null;
        if (line != null) {
            listeners.add(line);
        }
        Map<Led, DigitalOutput> lines = new EnumMap<>(Led.class);
        Context context = null;
        if (gpio) {
            context = gpioContext();
            try {
                for (Led led : Led.values()) {
                    lines.put(led, PiDigitalOutput.create(context, led.name(), PinMap.defaults().led(led)));
                }
            } catch (RuntimeException e) {
                context.shutdown();
                throw new IOException("--led-gpio: LED pins unavailable (a Raspberry Pi with libgpiod is needed): " + e.getMessage(), e);
            }
        } else if (board != null) {
            for (Led led : Led.values()) {
                lines.put(led, board.led(led));
            }
        }
        FirmwareLeds leds = FirmwareLeds.start(scheduler, lines, LedAssignment.from(config), () -> meterBaud, listeners);
        if (board != null) {
            leds.attach(board.cellularModule(), board.supercapCharged(), board.powerFail());
        }
        leds.controller().multiUtility("multi_utility".equals(config.word("tm.multi_utility")));
        return new RunLeds(leds, log, line, context);
    }

    private static Context gpioContext() throws IOException {
        try {
            return Pi4J.newContextBuilder().noAutoDetect().add(GpioDDigitalOutputProvider.newInstance()).build();
        } catch (RuntimeException | LinkageError e) {
            throw new IOException("--led-gpio: the Pi4J gpiod provider could not start (" + e
                    + "); it runs only on a Raspberry Pi with libgpiod", e);
        }
    }

    BridgeListener bridgeListener() {
        return leds.bridgeListener();
    }

    /** Starts drawing the status line (after the start-up banner). */
    void showLine() {
        if (line != null) {
            line.start();
        }
    }

    @Override
    public void close() {
        leds.close();
        if (line != null) {
            line.close();
        }
        if (log != null) {
            log.close();
        }
        if (gpio != null) {
            gpio.shutdown();
        }
    }

    /** Whether standard output is a terminal; {@code Console.isTerminal()} exists from Java 22 on. */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 21: a console exists only on a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
