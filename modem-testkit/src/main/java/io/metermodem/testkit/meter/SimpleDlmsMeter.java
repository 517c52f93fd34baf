package io.metermodem.testkit.meter;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import io.metermodem.testkit.hdlc.HdlcAddress;
import io.metermodem.testkit.hdlc.HdlcControl;
import io.metermodem.testkit.hdlc.HdlcDecodeResult;
import io.metermodem.testkit.hdlc.HdlcFrame;
import io.metermodem.testkit.hdlc.HdlcFrameDecoder;
import io.metermodem.testkit.hdlc.HdlcFrameError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A small DLMS/COSEM meter (server) over HDLC on a serial port in virtual time: enough for a real
 * DLMS client library to connect, associate and read a few values, for demos and integration tests
 * of a transparent bridge (TR-1, TR-4: the line runs 9600 8N1, the format the modem selects for
 * anything that is not IEC 62056-21).
 *
 * <h2>Supported</h2>
 * <ul>
 *   <li>HDLC of IEC 62056-46: frame format type 3, 1/2/4-byte server and client addresses, HCS and
 *       FCS (CRC-16/X.25), SNRM → UA with the negotiation parameters (maximum information field
 *       length, window size; the smaller of the client's and the meter's values, default 128 bytes
 *       and window 1), DISC → UA (DM when not connected), I frames with modulo-8 sequence
 *       numbers, RR → RR, a repeated I frame (the client lost the answer) → the last answer again,
 *       commands other than SNRM in disconnected mode → DM; the inter-octet time-out drops a partial
 *       frame; 120 s without a frame returns to disconnected mode.</li>
 *   <li>LLC header {@code E6 E6 00} in, {@code E6 E7 00} out.</li>
 *   <li>ACSE: AARQ with application context "LN referencing, no ciphering" and no authentication
 *       (lowest level security), or low level security with the configured password → AARE
 *       accepted with an InitiateResponse (DLMS version 6, conformance = the client's proposal AND
 *       "get"); other contexts or mechanisms → AARE rejected with the matching diagnostic. RLRQ →
 *       RLRE.</li>
 *   <li>xDLMS GET.request-normal (when associated) for attribute 1 (logical name) of every object and:
 *       <ul>
 *         <li>class 1 Data 0.0.42.0.0.255 (COSEM logical device name) attribute 2, octet-string;</li>
 *         <li>class 1 Data 0.0.96.1.0.255 (serial number) attribute 2, octet-string;</li>
 *         <li>class 3 Register 1.0.1.8.0.255 (active energy import) attribute 2,
 *             double-long-unsigned in Wh, attribute 3 scaler_unit {0, Wh};</li>
 *         <li>class 8 Clock 0.0.1.0.0.255 attribute 2, date-time octet-string from the scheduler's
 *             wall clock.</li>
 *       </ul>
 *       Unknown objects get data-access-result object-undefined (4), a wrong class
 *       object-class-inconsistent (9), other attributes object-unavailable (11), selective access
 *       other-reason (250).</li>
 * </ul>
 *
 * <h2>Not supported</h2>
 * Segmentation (frames with the S bit are dropped; answers are never split, all fit 128 bytes),
 * windows larger than 1, ciphering and HLS authentication, short-name referencing, SET, ACTION,
 * GET-next and GET-with-list (answered with an exception-response), the IEC 62056-21 mode E opening,
 * the wrapper of IEC 62056-47.
 *
 * <p>Malformed input (broken frames, line errors, out-of-sequence I frames, unreadable APDUs) is
 * dropped and counted in {@link #statistics()}; nothing the line delivers makes an exception escape.
 *
 * <pre>{@code
 * SimpleDlmsMeter meter = SimpleDlmsMeter.builder().serialNumber("87654321").build(board);
 * board.meterPort().open(LineSettings.STANDARD_9600_8N1);
 * board.meterPort().write(HdlcFrame.of(HdlcAddress.server(1, 17), HdlcAddress.client(16),
 *         HdlcControl.SNRM, new byte[0]).encode());
 * board.advance(Duration.ofMillis(100));       // UA is in the modem's receive buffer
 * }</pre>
 */
public final class SimpleDlmsMeter {

    /** Most problem descriptions kept by {@link #problems()}. */
    public static final int PROBLEM_LOG_SIZE = 256;

    private final SerialPort port;
    private final Scheduler scheduler;
    private final int logicalAddress;
    private final int physicalAddress;
    private final Duration responseDelay;
    private final Duration interOctetTimeout;
    private final Duration inactivityTimeout;
    private final int maxInfoLength;
    private final CosemResponder cosem;
    private final HdlcFrameDecoder decoder = new HdlcFrameDecoder();
    private final ArrayDeque<String> problems = new ArrayDeque<>();

    private DlmsMeterState linkState = DlmsMeterState.DISCONNECTED;
    private int sendSequence;
    private int receiveSequence;
    private byte[] lastAnswer;
    private long lastOctetNanos = Long.MIN_VALUE;
    private ScheduledTask inactivity;
    private boolean attached = true;

    private long framesAccepted;
    private long framesForOthers;
    private long malformed;
    private long responsesSent;

    private SimpleDlmsMeter(Builder b, SerialPort port, Scheduler scheduler) throws IOException {
        this.port = Objects.requireNonNull(port, "port");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.logicalAddress = b.logicalAddress;
        this.physicalAddress = b.physicalAddress;
        this.responseDelay = b.responseDelay;
        this.interOctetTimeout = b.interOctetTimeout;
        this.inactivityTimeout = b.inactivityTimeout;
        this.maxInfoLength = b.maxInfoLength;
        String ldn = b.logicalDeviceName != null ? b.logicalDeviceName : "ISK" + "0".repeat(Math.max(0, 13 - b.serialNumber.length()))
                + b.serialNumber;
        this.cosem = new CosemResponder(b.serialNumber, ldn, b.activeEnergyWh, b.zone, b.password, maxInfoLength - 3);
        if (port.isOpen()) {
            port.reconfigure(b.line);
        } else {
            port.open(b.line);
        }
        port.setListener(new LineInbox(scheduler, this::onEntries));
    }

    /** @return a builder with the defaults described on {@link Builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the link and association state */
    public synchronized DlmsMeterState state() {
        return linkState == DlmsMeterState.CONNECTED && cosem.associated() ? DlmsMeterState.ASSOCIATED : linkState;
    }

    /** @return the counters */
    public synchronized DlmsMeterStatistics statistics() {
        return new DlmsMeterStatistics(framesAccepted, framesForOthers, malformed, responsesSent, cosem.getRequests());
    }

    /** @return why input was dropped, oldest first (at most {@link #PROBLEM_LOG_SIZE}) */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** @param wh the new value of register 1.0.1.8.0.255, in Wh (0..4294967295) */
    public synchronized void setActiveEnergy(long wh) {
        if (wh < 0 || wh > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("double-long-unsigned range is 0..4294967295, got " + wh);
        }
        cosem.activeEnergyWh(wh);
    }

    /** Stops listening and cancels pending answers; the port stays open. */
    public synchronized void detach() {
        attached = false;
        if (inactivity != null) {
            inactivity.cancel();
        }
        port.setListener(null);
    }

    // ---- data link layer ----

    private synchronized void onEntries(int[] entries) {
        if (!attached) {
            return;
        }
        for (int entry : entries) {
            long now = scheduler.nanoTime();
            if (decoder.inFrame() && lastOctetNanos != Long.MIN_VALUE
                    && now - lastOctetNanos > interOctetTimeout.toNanos()) {
                decoder.reset();
                problem("partial frame dropped: inter-octet time-out of " + interOctetTimeout.toMillis() + " ms");
            }
            lastOctetNanos = now;
            List<HdlcDecodeResult> results = (entry & LineInbox.DAMAGED) != 0
                    ? decoder.lineError()
                    : decoder.feed(new byte[] {(byte) entry});
            for (HdlcDecodeResult result : results) {
                switch (result) {
                    case HdlcFrameError error -> problem(error.reason());
                    case HdlcFrame frame -> onFrame(frame);
                }
            }
        }
    }

    private boolean addressedToMe(HdlcAddress a) {
        boolean upper = a.upper() == logicalAddress || a.upperIsAllStations();
        boolean lower = a.length() == 1 || a.lower() == physicalAddress || a.lowerIsAllStations();
        return upper && lower;
    }

    private void onFrame(HdlcFrame frame) {
        if (!addressedToMe(frame.destination())) {
            framesForOthers++;
            return;
        }
        framesAccepted++;
        armInactivity();
        int control = frame.control();
        // answers go back to the client, from the address the client used for us
        HdlcAddress client = frame.source();
        HdlcAddress me = frame.destination();
        if (control == HdlcControl.SNRM) {
            cosem.release();
            linkState = DlmsMeterState.CONNECTED;
            sendSequence = 0;
            receiveSequence = 0;
            lastAnswer = null;
            reply(client, me, HdlcControl.UA, negotiate(frame.information()));
        } else if (control == HdlcControl.DISC) {
            if (linkState == DlmsMeterState.DISCONNECTED) {
                reply(client, me, HdlcControl.DM, new byte[0]);
            } else {
                disconnect();
                reply(client, me, HdlcControl.UA, new byte[0]);
            }
        } else if (linkState == DlmsMeterState.DISCONNECTED) {
            if (HdlcControl.pollFinal(control)) {
                reply(client, me, HdlcControl.DM, new byte[0]);
            }
        } else if (HdlcControl.isInformation(control)) {
            onInformation(frame, client, me);
        } else if (HdlcControl.isReceiveReady(control)) {
            reply(client, me, HdlcControl.receiveReady(receiveSequence, true), new byte[0]);
        } else {
            problem(String.format("control field 0x%02X not supported", control));
        }
    }

    private void onInformation(HdlcFrame frame, HdlcAddress client, HdlcAddress me) {
        int control = frame.control();
        int ns = HdlcControl.sendSequence(control);
        if (ns != receiveSequence) {
            if (lastAnswer != null && ns == ((receiveSequence - 1) & 7)) {
                send(lastAnswer); // the client repeats because our answer was lost
            } else {
                problem("I frame with N(S)=" + ns + " where " + receiveSequence + " was expected");
            }
            return;
        }
        if (frame.segmented()) {
            problem("segmented I frame: segmentation is not supported");
            return;
        }
        receiveSequence = (receiveSequence + 1) & 7;
        byte[] info = frame.information();
        if (info.length < 3 || (info[0] & 0xFF) != 0xE6 || (info[1] & 0xFF) != 0xE6 || info[2] != 0) {
            problem("I frame without the LLC header E6 E6 00");
            reply(client, me, HdlcControl.receiveReady(receiveSequence, true), new byte[0]);
            return;
        }
        CosemResponder.Outcome outcome = cosem.handle(Arrays.copyOfRange(info, 3, info.length), scheduler.instant());
        outcome.malformed().ifPresent(this::problem);
        if (outcome.response().isEmpty()) {
            reply(client, me, HdlcControl.receiveReady(receiveSequence, true), new byte[0]);
            return;
        }
        byte[] apdu = outcome.response().get();
        byte[] answerInfo = new byte[apdu.length + 3];
        answerInfo[0] = (byte) 0xE6;
        answerInfo[1] = (byte) 0xE7;
        System.arraycopy(apdu, 0, answerInfo, 3, apdu.length);
        int answerControl = HdlcControl.information(sendSequence, receiveSequence, true);
        sendSequence = (sendSequence + 1) & 7;
        lastAnswer = HdlcFrame.of(client, me, answerControl, answerInfo).encode();
        send(lastAnswer);
    }

    /** The UA information field: the negotiated HDLC parameters (IEC 62056-46 "HDLC parameter negotiation"). */
    private byte[] negotiate(byte[] snrmInfo) {
        long clientTxInfo = maxInfoLength;
        long clientRxInfo = maxInfoLength;
        // a malformed parameter field is read as far as it goes: the defaults stand for the rest
        if (snrmInfo.length >= 3 && (snrmInfo[0] & 0xFF) == 0x81 && (snrmInfo[1] & 0xFF) == 0x80) {
            int end = Math.min(snrmInfo.length, 3 + (snrmInfo[2] & 0xFF));
            int at = 3;
            while (at + 2 <= end) {
                int id = snrmInfo[at] & 0xFF;
                int len = snrmInfo[at + 1] & 0xFF;
                if (len < 1 || len > 4 || at + 2 + len > end) {
                    problem("SNRM parameter " + id + " of length " + len + " not readable");
                    break;
                }
                long value = 0;
                for (int i = 0; i < len; i++) {
                    value = value << 8 | (snrmInfo[at + 2 + i] & 0xFF);
                }
                if (id == 0x05) {
                    clientTxInfo = value;
                } else if (id == 0x06) {
                    clientRxInfo = value;
                }
                at += 2 + len;
            }
        }
        int tx = (int) Math.max(32, Math.min(maxInfoLength, clientRxInfo));
        int rx = (int) Math.max(32, Math.min(maxInfoLength, clientTxInfo));
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        lengthParameter(params, 0x05, tx);
        lengthParameter(params, 0x06, rx);
        params.writeBytes(new byte[] {0x07, 0x04, 0, 0, 0, 1, 0x08, 0x04, 0, 0, 0, 1}); // windows of 1
        byte[] p = params.toByteArray();
        byte[] out = new byte[p.length + 3];
        out[0] = (byte) 0x81;
        out[1] = (byte) 0x80;
        out[2] = (byte) p.length;
        System.arraycopy(p, 0, out, 3, p.length);
        return out;
    }

    private static void lengthParameter(ByteArrayOutputStream out, int id, int value) {
        out.write(id);
        if (value < 256) {
            out.write(1);
            out.write(value);
        } else {
            out.write(2);
            out.write(value >> 8);
            out.write(value);
        }
    }

    private void disconnect() {
        linkState = DlmsMeterState.DISCONNECTED;
        cosem.release();
        lastAnswer = null;
        if (inactivity != null) {
            inactivity.cancel();
            inactivity = null;
        }
    }

    private void armInactivity() {
        if (inactivity != null) {
            inactivity.cancel();
        }
        inactivity = scheduler.schedule(inactivityTimeout, () -> {
            synchronized (this) {
                if (attached && linkState != DlmsMeterState.DISCONNECTED) {
                    problem("inactivity time-out: link closed");
                    disconnect();
                }
            }
        });
    }

    private void reply(HdlcAddress to, HdlcAddress from, int control, byte[] information) {
        send(HdlcFrame.of(to, from, control, information).encode());
    }

    private void send(byte[] frame) {
        scheduler.schedule(responseDelay, () -> {
            synchronized (this) {
                if (!attached) {
                    return;
                }
                try {
                    port.write(frame);
                    responsesSent++;
                } catch (IOException e) {
                    problem("answer not sent, the port failed: " + e.getMessage());
                }
            }
        });
    }

    private void problem(String reason) {
        malformed++;
        if (problems.size() == PROBLEM_LOG_SIZE) {
            problems.pollFirst();
        }
        problems.addLast(reason);
    }

    @Override
    public String toString() {
        return "SimpleDlmsMeter[server " + logicalAddress + "/" + physicalAddress + ", " + state() + "]";
    }

    /**
     * Configures a {@link SimpleDlmsMeter}. Defaults: line 9600 8N1; server logical address 1
     * (management logical device), physical address 17; serial number {@code 12345678}; logical
     * device name {@code ISK} + the serial number padded to 13 characters; active energy 1234500 Wh;
     * clock in UTC; no password (low level security refused); answers 20 ms after a frame;
     * inter-octet time-out 500 ms; inactivity time-out 120 s; maximum information field 128 bytes.
     */
    public static final class Builder {
        private LineSettings line = LineSettings.STANDARD_9600_8N1;
        private int logicalAddress = 1;
        private int physicalAddress = 17;
        private String serialNumber = "12345678";
        private String logicalDeviceName;
        private long activeEnergyWh = 1_234_500;
        private ZoneId zone = ZoneOffset.UTC;
        private String password;
        private Duration responseDelay = Duration.ofMillis(20);
        private Duration interOctetTimeout = Duration.ofMillis(500);
        private Duration inactivityTimeout = Duration.ofSeconds(120);
        private int maxInfoLength = 128;

        private Builder() {
        }

        /** @param settings the meter line's baud and format @return this builder */
        public Builder line(LineSettings settings) {
            this.line = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * @param logical  the upper HDLC address (logical device), 1..0x3FFE
         * @param physical the lower HDLC address (physical device), 0..0x3FFE
         * @return this builder
         */
        public Builder serverAddress(int logical, int physical) {
            if (logical < 1 || logical > 0x3FFE || physical < 0 || physical > 0x3FFE) {
                throw new IllegalArgumentException("server address " + logical + "/" + physical + " out of range");
            }
            this.logicalAddress = logical;
            this.physicalAddress = physical;
            return this;
        }

        /** @param serial the value of 0.0.96.1.0.255, printable ASCII, at most 32 characters @return this builder */
        public Builder serialNumber(String serial) {
            if (serial == null || serial.isEmpty() || serial.length() > 32 || !serial.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException("serial number must be 1..32 printable characters, got '" + serial + "'");
            }
            this.serialNumber = serial;
            return this;
        }

        /** @param name the value of 0.0.42.0.0.255, 16 printable characters @return this builder */
        public Builder logicalDeviceName(String name) {
            if (name == null || name.length() != 16 || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException("logical device name must be 16 printable characters, got '" + name + "'");
            }
            this.logicalDeviceName = name;
            return this;
        }

        /** @param wh the initial value of 1.0.1.8.0.255 in Wh @return this builder */
        public Builder activeEnergy(long wh) {
            if (wh < 0 || wh > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("double-long-unsigned range is 0..4294967295, got " + wh);
            }
            this.activeEnergyWh = wh;
            return this;
        }

        /** @param timeZone the zone of the clock object @return this builder */
        public Builder zone(ZoneId timeZone) {
            this.zone = Objects.requireNonNull(timeZone, "zone");
            return this;
        }

        /** @param llsPassword accept low level security with this password; {@code null} refuses it @return this builder */
        public Builder lowLevelSecurityPassword(String llsPassword) {
            this.password = llsPassword;
            return this;
        }

        /** @param delay time between a frame's arrival and the answer @return this builder */
        public Builder responseDelay(Duration delay) {
            this.responseDelay = Durations.nonNegative(delay);
            return this;
        }

        /** @param timeout the longest gap between two octets of one frame @return this builder */
        public Builder interOctetTimeout(Duration timeout) {
            this.interOctetTimeout = Durations.nonNegative(timeout);
            return this;
        }

        /** @param timeout how long a connected link may stay without frames @return this builder */
        public Builder inactivityTimeout(Duration timeout) {
            this.inactivityTimeout = Durations.nonNegative(timeout);
            return this;
        }

        /** @param bytes the meter's maximum information field length, 32..2030 @return this builder */
        public Builder maxInfoLength(int bytes) {
            if (bytes < 32 || bytes > 2030) {
                throw new IllegalArgumentException("maximum information field length " + bytes + " outside 32..2030");
            }
            this.maxInfoLength = bytes;
            return this;
        }

        /**
         * @param board a mock board; the meter takes its {@code meterEnd()}
         * @return the running meter
         * @throws IOException if the port cannot be opened
         */
        public SimpleDlmsMeter build(MockBoard board) throws IOException {
            return build(board.meterEnd(), board.scheduler());
        }

        /**
         * @param port      the meter's port; opened (or reconfigured) with the line settings, listener replaced
         * @param scheduler the clock and task runner of that port
         * @return the running meter
         * @throws IOException if the port cannot be opened
         */
        public SimpleDlmsMeter build(SerialPort port, Scheduler scheduler) throws IOException {
            return new SimpleDlmsMeter(this, port, scheduler);
        }
    }
}
