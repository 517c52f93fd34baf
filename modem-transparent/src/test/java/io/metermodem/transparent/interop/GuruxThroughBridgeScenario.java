package io.metermodem.transparent.interop;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.serial.MockSerialPort;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The production interop path, ready for the test that will exercise it once the transparent
 * bridge and its TCP server exist: a Gurux HES connects over a real TCP socket to the modem's
 * transparent port and reads a Gurux meter through the bridge and the mock serial wire.
 *
 * <pre>
 * GuruxHes --TCP 127.0.0.1:port--&gt; TCP server --&gt; TransparentBridge --&gt; modem end (DCE)
 *      ~~ SerialWire (bit level, virtual time) ~~ meter end (DTE) --&gt; GuruxMeter
 * </pre>
 *
 * <p>What the test has to set up, in this order:
 * <ol>
 *   <li>A {@link VirtualScheduler}, a {@code SerialWire} on it, its DCE end for the modem and its
 *       DTE end for the meter.</li>
 *   <li>The meter: {@link #startMeter(MockSerialPort, VirtualScheduler, GuruxMeter.Options)} with
 *       {@link GuruxMeter.Options#hdlcDefaults()} (9600 8N1 HDLC) or
 *       {@link GuruxMeter.Options#modeEDefaults()} (IEC sign-on at 300 7E1, then HDLC at 9600 8N1).</li>
 *   <li>The bridge attached to the DCE end, with its meter line configured to match: 9600 8N1 for
 *       plain HDLC; 300 7E1 with the IEC baud follower (TR-11) for mode E, so that after the
 *       HES's {@code ACK 2 5 2} the modem end goes to 9600 8N1 as the meter does. The bridge's TCP
 *       server listens on 127.0.0.1, an ephemeral port is fine; its socket threads must hand bytes
 *       to the bridge with {@code scheduler.execute(...)}.</li>
 *   <li>Virtual time driven in real time, because the HES is on the wall clock:
 *       {@link io.metermodem.transparent.bridge.tcp.RealTimePacer} with a 1 ms tick, started after
 *       the meter and bridge are wired (the pacer thread is then the only one advancing the
 *       scheduler) and closed in the test's cleanup.</li>
 *   <li>{@link #run(String, int, GuruxHes.Options)} on the test thread, then
 *       {@link #mismatches(GuruxMeter, MeterReading, Instant, Instant)} must be empty, and
 *       {@link io.metermodem.transparent.bridge.tcp.RealTimePacer#failures()} too.</li>
 * </ol>
 *
 * <p>Expected duration: about 1 s of wall time for plain HDLC and about 2.5 s for mode E (300 baud
 * sign-on plus the HES's 500 ms guard after the option select). Over TCP the HES does not change
 * any speed itself: in mode E it relies on the bridge to follow. Gurux's meter confirms the option
 * select (see {@link GuruxMeter.ModeEConfirm}); the HES drops whatever arrives during its guard
 * time, so a confirmation that reaches it garbled (or not at all) is fine.
 */
public final class GuruxThroughBridgeScenario {

    /** How long the HES waits for the TCP connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private GuruxThroughBridgeScenario() {
    }

    /**
     * Builds and starts the meter on the meter end of the wire. Call before the pacer starts.
     *
     * @param meterEnd  the DTE end of the wire, closed
     * @param scheduler the wire's scheduler
     * @param options   the meter's behaviour
     * @return the running meter (close it in cleanup)
     * @throws IOException if the port cannot be opened
     */
    public static GuruxMeter startMeter(MockSerialPort meterEnd, VirtualScheduler scheduler, GuruxMeter.Options options)
            throws IOException {
        return new GuruxMeter(meterEnd, scheduler, options).start();
    }

    /**
     * Connects a Gurux HES to the modem's transparent TCP port and reads the meter behind it.
     *
     * @param host    where the bridge's TCP server listens, normally {@code 127.0.0.1}
     * @param port    its port
     * @param options {@link GuruxHes.Options#hdlcDefaults()} or {@link GuruxHes.Options#modeEDefaults()}
     *                (reply timeouts are wall-clock time here)
     * @return what the HES read
     * @throws HesReadException naming the step that failed
     * @throws IOException      if the connection fails or breaks
     */
    public static MeterReading run(String host, int port, GuruxHes.Options options) throws IOException {
        Objects.requireNonNull(host, "host");
        try (TcpHesChannel channel = new TcpHesChannel(host, port, CONNECT_TIMEOUT)) {
            return new GuruxHes(channel, options).read();
        }
    }

    /**
     * Compares a reading with what the meter holds.
     *
     * @param meter     the meter that was read
     * @param reading   what the HES got
     * @param notBefore earliest acceptable clock value (virtual time before the session)
     * @param notAfter  latest acceptable clock value (virtual time after the session)
     * @return one line per difference; empty when the reading is right
     */
    public static List<String> mismatches(GuruxMeter meter, MeterReading reading, Instant notBefore, Instant notAfter) {
        List<String> out = new ArrayList<>();
        check(out, "logical device name", meter.logicalDeviceName(), reading.logicalDeviceName());
        check(out, "serial number", meter.serialNumber(), reading.serialNumber());
        check(out, "energy raw value", meter.energyRaw(), reading.energyRaw());
        check(out, "energy scaler", meter.energyScaler(), reading.energyScaler());
        check(out, "energy unit", "ACTIVE_ENERGY", reading.energyUnit());
        // lenient by up to a second below: a meter may leave the hundredths of its date-time unspecified
        Instant clock = reading.clock();
        if (clock.isBefore(notBefore.truncatedTo(ChronoUnit.SECONDS)) || clock.isAfter(notAfter)) {
            out.add("clock " + clock + " outside " + notBefore + " .. " + notAfter);
        }
        if (meter.options().modeE() && reading.identification().isEmpty()) {
            out.add("mode E meter but no identification read");
        }
        if (!meter.wasAssociated()) {
            out.add("the meter never accepted an association");
        }
        return out;
    }

    private static void check(List<String> out, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            out.add(what + ": expected " + expected + ", read " + actual);
        }
    }
}
