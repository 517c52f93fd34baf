package io.metermodem.transparent.bridge;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The settings of the transparent meter access (TR-1..TR-5, TR-11; manual 3.3 step 5, 3.10, 3.11).
 *
 * <p>Ports: the primary ("Utility comm. port") is always listened on; the secondary ("Customer comm.
 * port") only when configured. Port 0 asks the operating system for a free (ephemeral) port, which
 * tests and the CLI use; {@link #DISABLED} turns the secondary port off. The manual requires the two
 * ports to differ (3.10, TR-3).
 *
 * <p>IEC 62056-21 meters: a mode C sign-on is sent at 300 baud. With {@code Auto} only the frame
 * format is chosen per connection (7E1 for IEC, else 8N1, manual 3.11), the speed stays the
 * configured {@link #meterBaud()}; so a modem serving IEC meters is configured with 300 baud and the
 * bridge then follows the {@code ACK 0 Z Y} speed change of each readout (TR-11). The defaults suit
 * DLMS meters at the manual's standard 9600 baud.
 *
 * @param primaryPort           TCP port of the primary channel, 0..65535 (0 = ephemeral); default {@value #DEFAULT_PRIMARY_PORT}
 * @param secondaryPort         TCP port of the secondary channel, 0..65535, or {@link #DISABLED} (the default)
 * @param bindAddress           local address the listeners bind to; default {@code 0.0.0.0}
 * @param dataFormat            {@code Auto} or a fixed frame format; default {@link MeterDataFormat#AUTO}
 * @param meterBaud             meter line speed, 300..115200; default 9600
 * @param followIecBaudChange   whether an IEC session's {@code ACK V Z Y} speed change is followed on
 *                              the meter line (TR-11); default true
 * @param inactivityTimeout     a session with no byte either way for this long is closed; default
 *                              120 s (the IEC 62056-21 inactivity time-out is 60..120 s)
 * @param maxPendingBytes       bound of the bytes a session holds for the meter while it waits for
 *                              the line; overflow closes that link; default 64 KiB
 * @param meterSilenceTimeout   the meter counts as silent when it has not answered this long after
 *                              the last byte sent to it left the wire; default 5 s
 * @param maxSessions           most sessions attached to the bridge at a time; more are refused;
 *                              default 16
 * @param maxConnectionsPerPort most concurrent TCP connections per listening port; default 4
 */
public record TransparentSettings(int primaryPort, int secondaryPort, String bindAddress, MeterDataFormat dataFormat,
                                  int meterBaud, boolean followIecBaudChange, Duration inactivityTimeout,
                                  int maxPendingBytes, Duration meterSilenceTimeout, int maxSessions,
                                  int maxConnectionsPerPort) {

    /** The value of {@link #secondaryPort()} that turns the secondary port off. */
    public static final int DISABLED = -1;
    /** Default primary port (the port a WM-E device listens on for transparent access). */
    public static final int DEFAULT_PRIMARY_PORT = 9000;
    /** Default meter baud rate: the manual's "standard 9600". */
    public static final int DEFAULT_METER_BAUD = 9600;
    /** Default inactivity time-out: the upper bound of the IEC 62056-21 inactivity time. */
    public static final Duration DEFAULT_INACTIVITY_TIMEOUT = Duration.ofSeconds(120);
    /** Default bound of a session's bytes waiting for the meter line. */
    public static final int DEFAULT_MAX_PENDING_BYTES = 64 * 1024;
    /** Default time after which an unanswered meter counts as silent. */
    public static final Duration DEFAULT_METER_SILENCE_TIMEOUT = Duration.ofSeconds(5);
    /** Largest allowed {@link #maxPendingBytes()}: 16 MiB. */
    public static final int MAX_PENDING_BYTES_LIMIT = 16 * 1024 * 1024;

    /** The defaults: primary 9000, no secondary, 0.0.0.0, Auto at 9600 baud. */
    public static final TransparentSettings DEFAULTS = builder().build();

    /**
     * @throws IllegalArgumentException if a value is out of range, missing, or both ports are the
     *                                  same fixed port (TR-3)
     */
    public TransparentSettings {
        if (primaryPort < 0 || primaryPort > 65_535) {
            throw new IllegalArgumentException("primary port " + primaryPort + " outside 0..65535");
        }
        if (secondaryPort != DISABLED && (secondaryPort < 0 || secondaryPort > 65_535)) {
            throw new IllegalArgumentException("secondary port " + secondaryPort + " outside 0..65535 (or DISABLED)");
        }
        if (secondaryPort == primaryPort && primaryPort != 0) {
            throw new IllegalArgumentException("the primary and secondary ports must differ (manual 3.10), both are "
                    + primaryPort);
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("bind address is required, e.g. 0.0.0.0 or 127.0.0.1");
        }
        if (dataFormat == null) {
            throw new IllegalArgumentException("meter data format is required");
        }
        if (meterBaud < LineSettings.MIN_METER_BAUD || meterBaud > LineSettings.MAX_METER_BAUD) {
            throw new IllegalArgumentException("meter baud rate " + meterBaud + " outside "
                    + LineSettings.MIN_METER_BAUD + ".." + LineSettings.MAX_METER_BAUD);
        }
        requirePositive(inactivityTimeout, "inactivity time-out");
        requirePositive(meterSilenceTimeout, "meter silence time-out");
        if (maxPendingBytes < 1 || maxPendingBytes > MAX_PENDING_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxPendingBytes " + maxPendingBytes + " outside 1.."
                    + MAX_PENDING_BYTES_LIMIT);
        }
        if (maxSessions < 1 || maxSessions > 1024) {
            throw new IllegalArgumentException("maxSessions " + maxSessions + " outside 1..1024");
        }
        if (maxConnectionsPerPort < 1 || maxConnectionsPerPort > 1024) {
            throw new IllegalArgumentException("maxConnectionsPerPort " + maxConnectionsPerPort + " outside 1..1024");
        }
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }

    /** @return the secondary port, or empty when it is {@link #DISABLED} */
    public OptionalInt secondary() {
        return secondaryPort == DISABLED ? OptionalInt.empty() : OptionalInt.of(secondaryPort);
    }

    /**
     * The line settings the meter port starts with and returns to between sessions: the configured
     * baud with the fixed format, or 8N1 for {@code Auto} (manual 3.11: "the data mode remains at 8N1").
     *
     * @return the idle meter line settings
     */
    public LineSettings idleMeterLine() {
        return LineSettings.meter(meterBaud, dataFormat.fixedFormat().orElse(FrameFormat.F8N1));
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TransparentSettings}; every setter checks nothing, {@link #build()} checks all. */
    public static final class Builder {
        private int primaryPort = DEFAULT_PRIMARY_PORT;
        private int secondaryPort = DISABLED;
        private String bindAddress = "0.0.0.0";
        private MeterDataFormat dataFormat = MeterDataFormat.AUTO;
        private int meterBaud = DEFAULT_METER_BAUD;
        private boolean followIecBaudChange = true;
        private Duration inactivityTimeout = DEFAULT_INACTIVITY_TIMEOUT;
        private int maxPendingBytes = DEFAULT_MAX_PENDING_BYTES;
        private Duration meterSilenceTimeout = DEFAULT_METER_SILENCE_TIMEOUT;
        private int maxSessions = 16;
        private int maxConnectionsPerPort = 4;

        private Builder() {
        }

        private Builder(TransparentSettings s) {
            primaryPort = s.primaryPort;
            secondaryPort = s.secondaryPort;
            bindAddress = s.bindAddress;
            dataFormat = s.dataFormat;
            meterBaud = s.meterBaud;
            followIecBaudChange = s.followIecBaudChange;
            inactivityTimeout = s.inactivityTimeout;
            maxPendingBytes = s.maxPendingBytes;
            meterSilenceTimeout = s.meterSilenceTimeout;
            maxSessions = s.maxSessions;
            maxConnectionsPerPort = s.maxConnectionsPerPort;
        }

        /** @param port primary TCP port, 0 for an ephemeral one @return this builder */
        public Builder primaryPort(int port) {
            this.primaryPort = port;
            return this;
        }

        /** @param port secondary TCP port, 0 for an ephemeral one, {@link #DISABLED} for none @return this builder */
        public Builder secondaryPort(int port) {
            this.secondaryPort = port;
            return this;
        }

        /** @return this builder, without a secondary port */
        public Builder noSecondaryPort() {
            this.secondaryPort = DISABLED;
            return this;
        }

        /** @param address local address to bind, e.g. {@code 127.0.0.1} @return this builder */
        public Builder bindAddress(String address) {
            this.bindAddress = address;
            return this;
        }

        /** @param format Auto or a fixed format @return this builder */
        public Builder dataFormat(MeterDataFormat format) {
            this.dataFormat = format;
            return this;
        }

        /** @param baud 300..115200 @return this builder */
        public Builder meterBaud(int baud) {
            this.meterBaud = baud;
            return this;
        }

        /** @param follow whether IEC speed changes are followed (TR-11) @return this builder */
        public Builder followIecBaudChange(boolean follow) {
            this.followIecBaudChange = follow;
            return this;
        }

        /** @param timeout session inactivity time-out @return this builder */
        public Builder inactivityTimeout(Duration timeout) {
            this.inactivityTimeout = timeout;
            return this;
        }

        /** @param bytes bound of a session's bytes waiting for the meter @return this builder */
        public Builder maxPendingBytes(int bytes) {
            this.maxPendingBytes = bytes;
            return this;
        }

        /** @param timeout time after which an unanswered meter counts as silent @return this builder */
        public Builder meterSilenceTimeout(Duration timeout) {
            this.meterSilenceTimeout = timeout;
            return this;
        }

        /** @param sessions most sessions attached at a time @return this builder */
        public Builder maxSessions(int sessions) {
            this.maxSessions = sessions;
            return this;
        }

        /** @param connections most concurrent TCP connections per port @return this builder */
        public Builder maxConnectionsPerPort(int connections) {
            this.maxConnectionsPerPort = connections;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException if a value is out of range (see {@link TransparentSettings})
         */
        public TransparentSettings build() {
            return new TransparentSettings(primaryPort, secondaryPort, bindAddress, dataFormat, meterBaud,
                    followIecBaudChange, inactivityTimeout, maxPendingBytes, meterSilenceTimeout, maxSessions,
                    maxConnectionsPerPort);
        }
    }
}
