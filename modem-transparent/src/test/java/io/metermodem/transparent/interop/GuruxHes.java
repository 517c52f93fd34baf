package io.metermodem.transparent.interop;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXDateTime;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSData;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSRegister;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A head-end system made of the Gurux DLMS client (an independent implementation, GPL, tests only)
 * over a {@link HesByteChannel}: the same client reads a meter over TCP through the modem or
 * directly over a serial port of the mock wire.
 *
 * <p>One {@link #read()} is a whole session: (mode E only) IEC 62056-21 sign-on {@code /?!} at the
 * channel's current speed, the identification, {@code ACK 2 Z 2}, then a guard time in which
 * whatever arrives is dropped (the meter's confirmation, possibly at a speed this end no longer
 * decodes); then SNRM/UA, AARQ/AARE, GET of the logical device name, serial number, energy register
 * scaler/unit and value, clock; RLRQ/RLRE; DISC/UA.
 *
 * <p>Gurux does no I/O: it builds frames ({@code snrmRequest}, {@code aarqRequest}, {@code read},
 * {@code releaseRequest}, {@code disconnectRequest}) and parses what this class collects until
 * {@code getData} reports a complete reply.
 */
public final class GuruxHes {

    /** Most HDLC frames one reply may span: the meters read here answer in one or two. */
    private static final int MAX_FRAMES_PER_REPLY = 1_000;

    /** Step names used in {@link HesReadException#step()}. */
    public static final String SIGN_ON = "IEC sign-on", OPTION_SELECT = "IEC option select",
            SNRM = "SNRM/UA", AARQ = "AARQ/AARE", GET = "GET", RELEASE = "RLRQ/RLRE", DISC = "DISC/UA";

    /**
     * Session settings.
     *
     * @param modeE         whether to run the IEC 62056-21 mode E handshake first
     * @param serverAddress HDLC server address as Gurux encodes it
     * @param clientAddress client SAP (16 = public)
     * @param replyTimeout  the longest wait for one reply, on the channel's clock
     * @param switchGuard   in mode E, how long to wait (and drop input) after the option select
     */
    public record Options(boolean modeE, int serverAddress, int clientAddress, Duration replyTimeout,
                          Duration switchGuard) {

        /** @throws NullPointerException on missing durations */
        public Options {
            Objects.requireNonNull(replyTimeout, "replyTimeout");
            Objects.requireNonNull(switchGuard, "switchGuard");
        }

        /** @return plain HDLC to {@link GuruxMeter#DEFAULT_SERVER_ADDRESS} as the public client */
        public static Options hdlcDefaults() {
            return new Options(false, GuruxMeter.DEFAULT_SERVER_ADDRESS, GuruxMeter.PUBLIC_CLIENT,
                    Duration.ofSeconds(3), Duration.ofMillis(500));
        }

        /** @return mode E to {@link GuruxMeter#DEFAULT_SERVER_ADDRESS} as the public client */
        public static Options modeEDefaults() {
            return hdlcDefaults().withModeE(true);
        }

        /** @return a copy with mode E on or off */
        public Options withModeE(boolean on) {
            return new Options(on, serverAddress, clientAddress, replyTimeout, switchGuard);
        }

        /** @return a copy with another reply timeout */
        public Options withReplyTimeout(Duration timeout) {
            return new Options(modeE, serverAddress, clientAddress, timeout, switchGuard);
        }
    }

    private final HesByteChannel channel;
    private final Options options;
    private final GXDLMSClient client;

    /**
     * @param channel the byte pipe to the meter (or to the modem in front of it)
     * @param options session settings
     */
    public GuruxHes(HesByteChannel channel, Options options) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.options = Objects.requireNonNull(options, "options");
        this.client = new GXDLMSClient(true, options.clientAddress(), options.serverAddress(),
                Authentication.NONE, null, options.modeE() ? InterfaceType.HDLC_WITH_MODE_E : InterfaceType.HDLC);
    }

    /**
     * Runs one session and returns what was read.
     *
     * @return the readings
     * @throws HesReadException naming the step that failed (timeout, garbled or rejected reply)
     * @throws IOException      if the channel breaks
     */
    public MeterReading read() throws IOException {
        Optional<String> identification = Optional.empty();
        String discarded = "";
        if (options.modeE()) {
            String ident = signOn();
            identification = Optional.of(ident);
            discarded = optionSelect(ident);
        }
        exchangeStep(SNRM, () -> {
            GXReplyData ua = exchange(SNRM, client.snrmRequest());
            client.parseUAResponse(ua.getData());
        });
        exchangeStep(AARQ, () -> {
            GXReplyData aare = null;
            for (byte[] frame : client.aarqRequest()) {
                aare = exchange(AARQ, frame);
            }
            client.parseAareResponse(aare.getData());
        });
        GXDLMSData ldn = new GXDLMSData(GuruxMeter.LDN_OBIS);
        GXDLMSData serial = new GXDLMSData(GuruxMeter.SERIAL_OBIS);
        GXDLMSRegister energy = new GXDLMSRegister(GuruxMeter.ENERGY_OBIS);
        GXDLMSClock clock = new GXDLMSClock(GuruxMeter.CLOCK_OBIS);
        Object ldnValue = get(ldn, 2);
        Object serialValue = get(serial, 2);
        get(energy, 3);
        Object raw = getRaw(energy, 2);
        Object time = get(clock, 2);
        exchangeStep(RELEASE, () -> {
            for (byte[] frame : client.releaseRequest()) {
                exchange(RELEASE, frame);
            }
        });
        // Gurux clears its connection state on RLRE and then returns no DISC frame unless forced
        exchangeStep(DISC, () -> exchange(DISC, client.disconnectRequest(true)));
        return new MeterReading(identification, text(ldnValue), text(serialValue),
                ((Number) raw).longValue(), (int) Math.round(Math.log10(energy.getScaler())),
                energy.getUnit().name(), instant(time), discarded);
    }

    // ---- IEC 62056-21 mode E ----

    private String signOn() throws IOException {
        channel.write("/?!\r\n".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long deadline = channel.nanoTime() + options.replyTimeout().toNanos();
        while (true) {
            // A meter that keeps sending without ever ending the line must not hold the HES: the
            // deadline ends the wait however many bytes arrive.
            byte[] got = channel.nanoTime() < deadline ? channel.read(remaining(deadline)) : new byte[0];
            if (got.length == 0) {
                throw new HesReadException(SIGN_ON, "no identification within " + options.replyTimeout()
                        + " (got '" + printable(line.toByteArray()) + "')", null);
            }
            for (byte b : got) {
                int c = b & 0x7F; // a 7E1 character read at 8N1 carries its parity bit in bit 7
                if (line.size() == 0 && c != '/') {
                    continue; // noise before the identification
                }
                line.write(c);
                if (c == '\n') {
                    String ident = line.toString(StandardCharsets.US_ASCII).strip();
                    if (ident.length() < 5) {
                        throw new HesReadException(SIGN_ON, "identification too short: '" + ident + "'", null);
                    }
                    return ident;
                }
            }
        }
    }

    private String optionSelect(String ident) throws IOException {
        char z = ident.charAt(4);
        int baud = switch (z) {
            case '0' -> 300;
            case '1' -> 600;
            case '2' -> 1200;
            case '3' -> 2400;
            case '4' -> 4800;
            case '5' -> 9600;
            case '6' -> 19200;
            default -> throw new HesReadException(OPTION_SELECT, "identification '" + ident
                    + "' has baud character '" + z + "', not a mode C/E rate", null);
        };
        if (!ident.startsWith("\\2", 5)) {
            throw new HesReadException(OPTION_SELECT, "identification '" + ident
                    + "' has no enhanced identification \\2: the meter offers no HDLC (mode E)", null);
        }
        channel.write(new byte[] {0x06, '2', (byte) z, '2', '\r', '\n'});
        channel.followLineChange(new LineSettings(baud, FrameFormat.F8N1));
        // The meter confirms (or not) and switches; whatever comes in meanwhile is not HDLC.
        ByteArrayOutputStream dropped = new ByteArrayOutputStream();
        long end = channel.nanoTime() + options.switchGuard().toNanos();
        while (channel.nanoTime() < end) {
            dropped.writeBytes(channel.read(remaining(end)));
        }
        return HexFormat.of().formatHex(dropped.toByteArray());
    }

    // ---- DLMS over HDLC ----

    private Object get(GXDLMSObject object, int attribute) throws IOException {
        Object raw = getRaw(object, attribute);
        return client.updateValue(object, attribute, raw);
    }

    private Object getRaw(GXDLMSObject object, int attribute) throws IOException {
        Object[] value = new Object[1];
        String step = GET + " " + object.getLogicalName() + ":" + attribute;
        exchangeStep(step, () -> {
            GXReplyData reply = null;
            for (byte[] frame : client.read(object, attribute)) {
                reply = exchange(step, frame);
            }
            value[0] = reply.getValue();
        });
        if (value[0] == null) {
            throw new HesReadException(step, "the meter returned no value", null);
        }
        return value[0];
    }

    /** Sends one request and collects its reply, asking for further HDLC frames while the meter has more. */
    private GXReplyData exchange(String step, byte[] request) throws Exception {
        GXReplyData reply = new GXReplyData();
        receive(step, request, reply);
        for (int frames = 1; reply.isMoreData(); frames++) {
            if (frames == MAX_FRAMES_PER_REPLY) {
                throw new HesReadException(step, "the meter still has more data after " + frames + " frames", null);
            }
            receive(step, client.receiverReady(reply), reply);
        }
        if (reply.getError() != 0) {
            throw new HesReadException(step, "the meter answered with error " + reply.getError()
                    + " (" + reply.getErrorMessage() + ")", null);
        }
        return reply;
    }

    private void receive(String step, byte[] request, GXReplyData reply) throws Exception {
        channel.write(request);
        GXByteBuffer received = new GXByteBuffer();
        GXReplyData notify = new GXReplyData();
        long deadline = channel.nanoTime() + options.replyTimeout().toNanos();
        while (true) {
            byte[] got = channel.nanoTime() < deadline ? channel.read(remaining(deadline)) : new byte[0];
            if (got.length == 0) {
                throw new HesReadException(step, "no valid reply within " + options.replyTimeout()
                        + (received.size() == 0 ? ", nothing received" : ", received only " + received.size()
                        + " unusable bytes: " + HexFormat.of().formatHex(received.array())), null);
            }
            received.set(got);
            // Gurux re-parses from the start each time; a partial frame leaves getData false
            received.position(0);
            if (client.getData(received, reply, notify)) {
                return;
            }
        }
    }

    private Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - channel.nanoTime()));
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static void exchangeStep(String step, Step body) throws IOException {
        try {
            body.run();
        } catch (HesReadException e) {
            throw e;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            // Gurux signals garbled or rejected frames with runtime exceptions of its own
            throw new HesReadException(step, "Gurux rejected the reply: " + e, e);
        }
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        return String.valueOf(value);
    }

    private static Instant instant(Object value) {
        if (value instanceof GXDateTime time) {
            return time.getMeterCalendar().toInstant();
        }
        throw new IllegalStateException("clock value is not a date-time: " + value);
    }

    private static String printable(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("<%02X>", c));
        }
        return sb.toString();
    }
}
