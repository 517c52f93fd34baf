package io.metermodem.firmware.led;

import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.gpio.DigitalInput;
import io.metermodem.hal.gpio.DigitalOutput;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.time.Scheduler;
import io.metermodem.led.LedAssignment;
import io.metermodem.led.LedController;
import io.metermodem.led.LedSignals;
import io.metermodem.transparent.bridge.BridgeListener;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The status LEDs of the reference firmware: a {@link LedController} on the board's LED lines (mock
 * outputs, Pi GPIO through the HAL, or purely virtual LEDs), each change also passed to listeners
 * (terminal line, JSON log), fed by the cellular module, the supercapacitor input and the bridge.
 *
 * <pre>{@code
 * FirmwareLeds leds = FirmwareLeds.start(board.scheduler(), lines, LedAssignment.from(config), () -> 9600, List.of(log));
 * leds.attach(board.cellularModule(), board.supercapCharged(), board.powerFail());
 * ReferenceFirmware.start(scheduler, port, settings, leds.bridgeListener());
 * }</pre>
 */
public final class FirmwareLeds implements AutoCloseable {

    private final LedController controller;
    private final LedBridgeListener bridgeListener;
    private CellularModule module;

    private FirmwareLeds(LedController controller, IntSupplier meterBaud) {
        this.controller = controller;
        this.bridgeListener = new LedBridgeListener(controller, meterBaud);
    }

    /**
     * Starts the LEDs now (LED3's start-up signal begins).
     *
     * @param scheduler  the modem's running scheduler
     * @param lines      the output line of each LED; an LED missing here is virtual (listeners only)
     * @param assignment the functions of LED1..LED3
     * @param meterBaud  the meter port's speed, read at each CSD call
     * @param listeners  who hears every transition
     * @return the running LEDs
     */
    public static FirmwareLeds start(Scheduler scheduler, Map<Led, ? extends DigitalOutput> lines,
                                     LedAssignment assignment, IntSupplier meterBaud,
                                     List<LedTransitionListener> listeners) {
        Objects.requireNonNull(scheduler, "scheduler");
        Map<Led, DigitalOutput> observed = new EnumMap<>(Led.class);
        for (Led led : Led.values()) {
            observed.put(led, new ObservedLed(led, lines.get(led), scheduler, listeners));
        }
        return new FirmwareLeds(new LedController(scheduler, observed, assignment, new LedSignals()), meterBaud);
    }

    /**
     * Feeds the LEDs from the cellular module, the supercapacitor-charged and the power-fail inputs.
     *
     * @param cellular        the module
     * @param supercapCharged active while the supercapacitor is charged
     * @param powerFail       active while external power is lost
     */
    public synchronized void attach(CellularModule cellular, DigitalInput supercapCharged, DigitalInput powerFail) {
        this.module = cellular;
        controller.attach(cellular, supercapCharged, powerFail);
    }

    /** @return the listener to give the transparent bridge */
    public BridgeListener bridgeListener() {
        return bridgeListener;
    }

    /** @return the controller, for the other status events (AMM, IEC polling, firmware install) */
    public LedController controller() {
        return controller;
    }

    /** Detaches and turns every LED off. */
    @Override
    public synchronized void close() {
        if (module != null) {
            controller.detach(module);
        }
        controller.close();
    }
}
