package io.metermodem.led;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.gpio.Led;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The LED rules of the manual (2.5, 2.7) as a pure function: a {@link ModemStatus} and the time in,
 * one {@link LedDecision} per LED out. No state, no scheduler, no output: {@link LedController} plays
 * what this decides.
 *
 * <p>Overrides come first, in this order:
 * <ol>
 *   <li>after a firmware install all LEDs are dark until the restart (LED-11);</li>
 *   <li>while the supercapacitor charges only LED3 is active, flashing quickly (LED-1, PWR-3);</li>
 *   <li>when charging ends the modem restarts onto the charged supply: all LEDs dark for
 *       {@link #RESTART_BLANK}, then LED3 flashes quickly for {@link #STARTUP_SIGNAL} (the start-up
 *       signal), then LED3 flashes slowly for {@link #CHARGED_SIGNAL} while the others work
 *       normally ("charged completely"), then LED3 works normally too. This reads the manual's
 *       "blank, then flashing quickly again, then slowly with the others normal" as one sequence;</li>
 *   <li>for {@link #STARTUP_SIGNAL} after the firmware starts, LED3 flashes quickly green
 *       (LED-11, PWR-4); the other LEDs work normally.</li>
 * </ol>
 * Otherwise each LED shows its {@link LedFunction}; see {@link #function}.
 */
public final class LedSignals {

    /** LED3's quick green at start: 15 s (LED-11, PWR-4, manual 2.5 and 3.9). */
    public static final Duration STARTUP_SIGNAL = Duration.ofSeconds(15);
    /** All LEDs dark while the modem restarts at the end of charging (an SDK decision). */
    public static final Duration RESTART_BLANK = Duration.ofSeconds(1);
    /** LED3 slow after charging: four slow cycles (an SDK decision; the manual gives no length). */
    public static final Duration CHARGED_SIGNAL = LedPattern.slow().cycle().multipliedBy(4);
    /** How long a change of access technology is shown by N flashes per second (an SDK decision). */
    public static final Duration TECHNOLOGY_SIGNAL = Duration.ofSeconds(10);
    /** The default RSSI group period: the manual's 10..15 s, at the short end. */
    public static final Duration DEFAULT_RSSI_PERIOD = Duration.ofSeconds(10);

    private final Duration rssiPeriod;

    /** Rules with the {@link #DEFAULT_RSSI_PERIOD}. */
    public LedSignals() {
        this(DEFAULT_RSSI_PERIOD);
    }

    /**
     * @param rssiPeriod period of the RSSI flash groups, 10..15 s (the RSSI refresh period)
     * @throws IllegalArgumentException outside 10..15 s
     */
    public LedSignals(Duration rssiPeriod) {
        LedPattern.rssi(1, rssiPeriod); // validates the range
        this.rssiPeriod = rssiPeriod;
    }

    /** @return the RSSI group period */
    public Duration rssiPeriod() {
        return rssiPeriod;
    }

    /**
     * What an LED plays, overrides included.
     *
     * @param led      the LED
     * @param function its assigned function
     * @param status   the modem's status
     * @param nowNanos the time, on the scheduler clock
     * @return the pattern and how long it holds
     */
    public LedDecision decide(Led led, LedFunction function, ModemStatus status, long nowNanos) {
        Objects.requireNonNull(led, "led");
        if (status.firmwareInstalled()) {
            return LedDecision.steady(LedPattern.OFF);
        }
        if (status.charging()) {
            return LedDecision.steady(led == Led.LED3 ? LedPattern.quickFlash() : LedPattern.OFF);
        }
        if (status.chargedAt().isPresent()) {
            long charged = status.chargedAt().getAsLong();
            long blankEnd = charged + RESTART_BLANK.toNanos();
            long quickEnd = blankEnd + STARTUP_SIGNAL.toNanos();
            long slowEnd = quickEnd + CHARGED_SIGNAL.toNanos();
            if (nowNanos < blankEnd) {
                return new LedDecision(LedPattern.OFF, blankEnd);
            }
            if (led == Led.LED3 && nowNanos < quickEnd) {
                return new LedDecision(LedPattern.quickFlash(), quickEnd);
            }
            if (led == Led.LED3 && nowNanos < slowEnd) {
                return new LedDecision(LedPattern.slow(), slowEnd);
            }
        }
        long startupEnd = status.startedAt() + STARTUP_SIGNAL.toNanos();
        if (led == Led.LED3 && nowNanos < startupEnd) {
            return new LedDecision(LedPattern.quickFlash(), startupEnd);
        }
        return function(function, status, nowNanos);
    }

    /**
     * What a function shows, without the overrides.
     *
     * @param function the LED function
     * @param status   the modem's status
     * @param nowNanos the time, on the scheduler clock
     * @return the pattern and how long it holds
     */
    public LedDecision function(LedFunction function, ModemStatus status, long nowNanos) {
        return switch (function) {
            case NOT_USED -> LedDecision.steady(LedPattern.OFF);
            case GSM_GPRS -> gsm(status, nowNanos);
            case SIM -> LedDecision.steady(sim(status));
            case E_METER -> LedDecision.steady(eMeter(status));
            case FIRMWARE -> LedDecision.steady(status.meterConnected() ? LedPattern.blink(2) : LedPattern.ON);
            case NETWORK -> network(status, nowNanos);
            case METER_IEC_POLLING -> LedDecision.steady(switch (status.iecPolling()) {
                case STARTING -> LedPattern.blink(1);
                case ANSWERING -> LedPattern.ON;
                case IDLE, FAILED -> LedPattern.OFF;
            });
            case AMM_CLIENT -> LedDecision.steady(switch (status.ammClient()) {
                case IDLE -> LedPattern.OFF;
                case CONNECTING -> LedPattern.shortFlashWithPause();
                case LOGIN -> LedPattern.blink(1);
                case CONNECTED -> LedPattern.ON;
            });
        };
    }

    /** LED-4: the network rules, but steady during a CSD call (LED-12) and IP data forwarding. */
    private LedDecision gsm(ModemStatus status, long nowNanos) {
        if (status.csd() != CsdMode.NONE || status.ipForwarding()) {
            return LedDecision.steady(LedPattern.ON);
        }
        return network(status, nowNanos);
    }

    /**
     * LED-8: dark without network, 1 Hz while searching, on while registered without IP, 2 Hz with an
     * IP connection; for {@link #TECHNOLOGY_SIGNAL} after a change of access technology, N flashes
     * per second with N the generation (2G: 2, 3G: 3, 4G/LTE/Cat-M1/NB-IoT: 4).
     */
    private LedDecision network(ModemStatus status, long nowNanos) {
        CellularStatus cellular = status.cellular();
        if (!cellular.registration().isRegistered()) {
            return LedDecision.steady(switch (cellular.registration()) {
                case SEARCHING -> LedPattern.blink(1);
                default -> LedPattern.OFF;
            });
        }
        AccessTechnology technology = cellular.technology();
        if (technology != AccessTechnology.NONE && status.technologyChangedAt().isPresent()) {
            long signalEnd = status.technologyChangedAt().getAsLong() + TECHNOLOGY_SIGNAL.toNanos();
            if (nowNanos < signalEnd) {
                return new LedDecision(LedPattern.flashesPerSecond(technology.generation()), signalEnd);
            }
        }
        return LedDecision.steady(cellular.packetDataUp() ? LedPattern.blink(2) : LedPattern.ON);
    }

    /**
     * LED-5: slow on an AT time-out or an invalid RSSI; 1 Hz without SIM or with a PIN problem; on
     * while the SIM is fine but the modem is not on a network; N flashes per RSSI period on a network
     * with a valid RSSI.
     */
    private LedPattern sim(ModemStatus status) {
        if (status.atTimeout()) {
            return LedPattern.slow();
        }
        CellularStatus cellular = status.cellular();
        return switch (cellular.sim()) {
            case ABSENT, PIN_REQUIRED, PUK_REQUIRED, FAILURE -> LedPattern.blink(1);
            case READY -> {
                if (!cellular.registration().isRegistered()) {
                    yield LedPattern.ON;
                }
                OptionalInt rssi = cellular.rssiDbm();
                if (rssi.isEmpty() || !RssiBand.isValid(rssi.getAsInt())
                        || cellular.technology() == AccessTechnology.NONE) {
                    yield LedPattern.slow();
                }
                yield LedPattern.rssi(RssiBand.of(cellular.technology()).flashes(rssi.getAsInt()), rssiPeriod);
            }
        };
    }

    /**
     * LED-3 with LED-12: during a transparent CSD call 2 Hz (steady when the meter port is not at
     * 9600 baud); 2 Hz during a transparent TCP session; on in multi-utility mode or while the meter
     * answers IEC polling; otherwise dark.
     */
    private static LedPattern eMeter(ModemStatus status) {
        if (status.csd() == CsdMode.METER_TRANSPARENT) {
            return status.meterBaud() == 9600 ? LedPattern.blink(2) : LedPattern.ON;
        }
        if (status.ipForwarding()) {
            return LedPattern.blink(2);
        }
        if (status.multiUtility() || status.iecPolling() == IecPollingState.ANSWERING) {
            return LedPattern.ON;
        }
        return LedPattern.OFF;
    }
}
