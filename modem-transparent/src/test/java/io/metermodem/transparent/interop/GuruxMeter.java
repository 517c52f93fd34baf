package io.metermodem.transparent.interop;

import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXDLMSConnectionEventArgs;
import gurux.dlms.GXDLMSServer2;
import gurux.dlms.GXDateTime;
import gurux.dlms.GXServerReply;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.AccessMode;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.MethodAccessMode;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.SourceDiagnostic;
import gurux.dlms.enums.Unit;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSData;
import gurux.dlms.objects.GXDLMSIECLocalPortSetup;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSRegister;
import gurux.dlms.objects.enums.BaudRate;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.time.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * A DLMS/COSEM electricity meter built from the Gurux server (an independent implementation, GPL,
 * used in tests only), sitting on the meter end of a {@link io.metermodem.hal.mock.serial.SerialWire}
 * in virtual time.
 *
 * <p>Logical name referencing, HDLC, one public association for client SAP 16 without
 * authentication, server address {@link #DEFAULT_SERVER_ADDRESS} (logical device 1, physical
 * address 1, two-byte HDLC address). Objects: logical device name {@link #LDN_OBIS}, serial number
 * {@link #SERIAL_OBIS}, active energy import register {@link #ENERGY_OBIS} with scaler and unit,
 * and a clock {@link #CLOCK_OBIS} that reads the scheduler's virtual time.
 *
 * <p>Bytes arriving on the port (a {@link SerialListener}, called on the scheduler) go straight to
 * {@code GXDLMSServer2.handleRequest}; Gurux buffers partial frames itself. Replies are written back
 * after {@link Options#reactionTime()}, as a real meter's firmware needs a moment to answer.
 *
 * <p>Mode E ({@link Options#modeE()}): the port starts at 300 baud 7E1 and Gurux's own IEC 62056-21
 * handling (interface type {@code HDLC_WITH_MODE_E}) answers the sign-on {@code /?!CR LF} with
 * {@code /GRX5\2GuruxMeter CR LF} and the option select {@code ACK 2 Z 2 CR LF} with a confirmation of
 * the same shape plus a new baud rate, which this adapter applies: baud Z, 8N1, for HDLC. When
 * exactly the line switches relative to the confirmation is {@link ModeEConfirm}. After DISC, Gurux
 * asks for the default baud rate again and the port goes back to 300 7E1 for the next sign-on.
 */
public final class GuruxMeter implements AutoCloseable {

    /** Logical device name, octet string (class 1). */
    public static final String LDN_OBIS = "0.0.42.0.0.255";
    /** Device serial number, visible string (class 1). */
    public static final String SERIAL_OBIS = "0.0.96.1.0.255";
    /** Active energy import, total (class 3). */
    public static final String ENERGY_OBIS = "1.0.1.8.0.255";
    /** Clock (class 8). */
    public static final String CLOCK_OBIS = "0.0.1.0.0.255";
    /** The public client's SAP. */
    public static final int PUBLIC_CLIENT = 16;
    /** Logical device 1, physical address 1, as Gurux encodes it for the client. */
    public static final int DEFAULT_SERVER_ADDRESS = GXDLMSClient.getServerAddress(1, 1);

    /** When a mode E meter changes its line, relative to Gurux's option select confirmation. */
    public enum ModeEConfirm {
        /**
         * Switch to baud Z at once, send the confirmation at baud Z still 7E1, then go to 8N1 (the
         * reading of IEC 62056-21 mode E in meter manuals: "the switch confirm message ... is at the
         * new baud rate, but still with parity").
         */
        AT_NEW_BAUD,
        /** Send the confirmation at the sign-on settings (300 7E1), then switch to baud Z 8N1. */
        AT_OLD_BAUD,
        /** Drop Gurux's confirmation and switch to baud Z 8N1 at once, as most meters do. */
        NONE
    }

    /**
     * How the meter behaves.
     *
     * @param modeE          whether it expects the IEC 62056-21 mode E handshake before HDLC
     * @param hdlcLine       line settings for HDLC without mode E (mode E starts at 300 7E1 instead)
     * @param modeEBaud      the highest baud rate the meter proposes in mode E (identification Z)
     * @param confirm        line switch timing around the mode E confirmation
     * @param reactionTime   delay before each reply (IEC: at least 20 ms with the short flag)
     * @param serverAddress  HDLC server address as Gurux encodes it
     * @param logicalDeviceName value of {@link #LDN_OBIS}
     * @param serialNumber   value of {@link #SERIAL_OBIS}
     * @param energyRaw      raw value of {@link #ENERGY_OBIS} (Wh before the scaler)
     * @param energyScaler   decimal exponent of the register's scaler
     */
    public record Options(boolean modeE, LineSettings hdlcLine, int modeEBaud, ModeEConfirm confirm,
                          Duration reactionTime, int serverAddress, String logicalDeviceName,
                          String serialNumber, long energyRaw, int energyScaler) {

        /** @throws IllegalArgumentException on missing or impossible values */
        public Options {
            Objects.requireNonNull(hdlcLine, "hdlcLine");
            Objects.requireNonNull(confirm, "confirm");
            Objects.requireNonNull(reactionTime, "reactionTime");
            Objects.requireNonNull(logicalDeviceName, "logicalDeviceName");
            Objects.requireNonNull(serialNumber, "serialNumber");
            if (modeEBaudRate(modeEBaud) == null) {
                throw new IllegalArgumentException("mode E baud " + modeEBaud + " is not one of 300..19200");
            }
        }

        /** @return plain HDLC at 9600 8N1 */
        public static Options hdlcDefaults() {
            return new Options(false, LineSettings.STANDARD_9600_8N1, 9600, ModeEConfirm.AT_NEW_BAUD,
                    Duration.ofMillis(20), DEFAULT_SERVER_ADDRESS, "GRX0000012345678", "12345678",
                    1_234_567L, -1);
        }

        /** @return mode E: sign-on at 300 7E1, HDLC at 9600 8N1 after {@code ACK 2 5 2} */
        public static Options modeEDefaults() {
            return hdlcDefaults().withModeE(true);
        }

        /** @return a copy with mode E on or off */
        public Options withModeE(boolean on) {
            return new Options(on, hdlcLine, modeEBaud, confirm, reactionTime, serverAddress,
                    logicalDeviceName, serialNumber, energyRaw, energyScaler);
        }

        /** @return a copy with other HDLC line settings */
        public Options withHdlcLine(LineSettings line) {
            return new Options(modeE, line, modeEBaud, confirm, reactionTime, serverAddress,
                    logicalDeviceName, serialNumber, energyRaw, energyScaler);
        }

        /** @return a copy with another mode E confirmation timing */
        public Options withConfirm(ModeEConfirm timing) {
            return new Options(modeE, hdlcLine, modeEBaud, timing, reactionTime, serverAddress,
                    logicalDeviceName, serialNumber, energyRaw, energyScaler);
        }

        /** @return a copy with another energy reading */
        public Options withEnergy(long raw, int scaler) {
            return new Options(modeE, hdlcLine, modeEBaud, confirm, reactionTime, serverAddress,
                    logicalDeviceName, serialNumber, raw, scaler);
        }
    }

    private final MockSerialPort port;
    private final Scheduler scheduler;
    private final Options options;
    private final Server server;
    private final GXDLMSRegister energy;
    private final List<String> log = new ArrayList<>();
    private int requests;
    private int replies;
    private boolean associated;

    /**
     * Builds the meter; call {@link #start()} to open its port.
     *
     * @param port      the meter end of the wire, closed
     * @param scheduler the wire's scheduler (the clock object reads its time)
     * @param options   behaviour
     */
    public GuruxMeter(MockSerialPort port, Scheduler scheduler, Options options) {
        this.port = Objects.requireNonNull(port, "port");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.options = Objects.requireNonNull(options, "options");

        GXDLMSAssociationLogicalName association = new GXDLMSAssociationLogicalName();
        association.setClientSAP(PUBLIC_CLIENT);
        association.getAuthenticationMechanismName().setMechanismId(Authentication.NONE);
        server = new Server(association,
                options.modeE() ? InterfaceType.HDLC_WITH_MODE_E : InterfaceType.HDLC);

        GXDLMSData ldn = new GXDLMSData(LDN_OBIS);
        ldn.setValue(options.logicalDeviceName().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ldn.setDataType(2, DataType.OCTET_STRING);
        GXDLMSData serial = new GXDLMSData(SERIAL_OBIS);
        serial.setValue(options.serialNumber());
        serial.setDataType(2, DataType.STRING);
        energy = new GXDLMSRegister(ENERGY_OBIS);
        energy.setValue(options.energyRaw());
        energy.setDataType(2, DataType.UINT32);
        energy.setScaler(Math.pow(10, options.energyScaler()));
        energy.setUnit(Unit.ACTIVE_ENERGY);
        GXDLMSClock clock = new GXDLMSClock(CLOCK_OBIS);
        server.getItems().add(ldn);
        server.getItems().add(serial);
        server.getItems().add(energy);
        server.getItems().add(clock); // the association is in the list already (Gurux's constructor)
        if (options.modeE()) {
            // Gurux builds the identification as '/' + FLAG id + proposed rate + device address:
            // it never adds the enhanced identification "\2" itself, so it travels in the address.
            // (Gurux compares a sign-on's address with ==, so only "/?!" without address is answered.)
            GXDLMSIECLocalPortSetup local = new GXDLMSIECLocalPortSetup();
            local.setDefaultBaudrate(BaudRate.BAUDRATE_300);
            local.setProposedBaudrate(modeEBaudRate(options.modeEBaud()));
            local.setDeviceAddress("\\2GuruxMeter");
            server.getItems().add(local);
            server.setLocalPortSetup(local);
            server.setFlaID("GRX");
        }
        server.initialize();
    }

    /**
     * Opens the port (300 7E1 in mode E, else the HDLC settings) and starts answering.
     *
     * @return this meter
     * @throws IOException if the port cannot be opened
     */
    public GuruxMeter start() throws IOException {
        port.open(options.modeE() ? LineSettings.IEC_SIGN_ON : options.hdlcLine());
        port.setListener(new SerialListener() {
            @Override
            public void onData(byte[] data, int offset, int length) {
                received(Arrays.copyOfRange(data, offset, offset + length));
            }
        });
        return this;
    }

    /** @return the options this meter was built with */
    public Options options() {
        return options;
    }

    /** @return the value of {@link #LDN_OBIS} */
    public String logicalDeviceName() {
        return options.logicalDeviceName();
    }

    /** @return the value of {@link #SERIAL_OBIS} */
    public String serialNumber() {
        return options.serialNumber();
    }

    /** @return the raw value of {@link #ENERGY_OBIS} */
    public long energyRaw() {
        return options.energyRaw();
    }

    /** @return the decimal exponent of the energy register's scaler */
    public int energyScaler() {
        return options.energyScaler();
    }

    /** @return how many replies Gurux produced (a mode E confirmation dropped by {@link ModeEConfirm#NONE} counts) */
    public synchronized int replies() {
        return replies;
    }

    /** @return how many chunks of bytes arrived */
    public synchronized int requestsReceived() {
        return requests;
    }

    /** @return whether a client has been associated (AARQ accepted) at any time */
    public synchronized boolean wasAssociated() {
        return associated;
    }

    /** @return what the meter did, for failure messages */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** @return the port's current line settings */
    public LineSettings line() {
        return port.settings();
    }

    @Override
    public void close() {
        port.setListener(null);
        port.close();
    }

    // ---- on the scheduler ----

    private synchronized void received(byte[] data) {
        requests++;
        GXServerReply reply = new GXServerReply(data);
        try {
            do {
                server.handleRequest(reply);
                byte[] out = reply.getReply();
                int newBaud = reply.getNewBaudRate();
                if (out != null || newBaud != 0) {
                    respond(out, newBaud);
                }
                reply.setData(null);
            } while (reply.isStreaming());
        } catch (Exception e) {
            // a meter does not crash on garbage: log it and keep listening
            log.add("gurux rejected input: " + e);
        }
    }

    private void respond(byte[] out, int newBaud) {
        boolean iec = out != null && out.length > 0 && (out[0] == '/' || out[0] == 0x06);
        if (out != null) {
            replies++;
        }
        if (newBaud == 0) {
            later(() -> write(out));
        } else if (out != null && out.length > 0 && out[0] == 0x06) {
            // Gurux confirmed the mode E option select: HDLC at the new rate, 8N1.
            LineSettings hdlc = new LineSettings(newBaud, FrameFormat.F8N1);
            switch (options.confirm()) {
                case AT_NEW_BAUD -> {
                    reconfigure(new LineSettings(newBaud, FrameFormat.F7E1));
                    later(() -> {
                        write(out);
                        afterSent(() -> reconfigure(hdlc));
                    });
                }
                case AT_OLD_BAUD -> later(() -> {
                    write(out);
                    afterSent(() -> reconfigure(hdlc));
                });
                case NONE -> reconfigure(hdlc);
            }
        } else {
            // back to the sign-on rate (Gurux asks for its default rate after DISC): answer first
            LineSettings signOn = new LineSettings(newBaud, FrameFormat.F7E1);
            later(() -> {
                write(out);
                afterSent(() -> reconfigure(signOn));
            });
        }
        log.add((iec ? "iec " : "hdlc ") + (out == null ? 0 : out.length) + " bytes"
                + (newBaud != 0 ? ", new baud " + newBaud : ""));
    }

    private void later(Runnable action) {
        scheduler.schedule(options.reactionTime(), action);
    }

    private void write(byte[] out) {
        if (out == null || out.length == 0 || !port.isOpen()) {
            return;
        }
        try {
            port.write(out, 0, out.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code action} once the last written character has left the port. */
    private void afterSent(Runnable action) {
        if (port.transmitQueueLength() == 0) {
            action.run();
            return;
        }
        // re-check once per character time: the transmitter's end is not exposed as an event
        scheduler.schedule(Duration.ofNanos(port.settings().frameNanos()), () -> afterSent(action));
    }

    private synchronized void reconfigure(LineSettings settings) {
        if (!port.isOpen() || port.settings().equals(settings)) {
            return;
        }
        try {
            port.reconfigure(settings);
            log.add("line " + settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void markAssociated() {
        associated = true;
    }

    private static BaudRate modeEBaudRate(int baud) {
        return switch (baud) {
            case 300 -> BaudRate.BAUDRATE_300;
            case 600 -> BaudRate.BAUDRATE_600;
            case 1200 -> BaudRate.BAUDRATE_1200;
            case 2400 -> BaudRate.BAUDRATE_2400;
            case 4800 -> BaudRate.BAUDRATE_4800;
            case 9600 -> BaudRate.BAUDRATE_9600;
            case 19200 -> BaudRate.BAUDRATE_19200;
            default -> null;
        };
    }

    /** The Gurux server: read-only objects, one public association, a clock in virtual time. */
    private final class Server extends GXDLMSServer2 {

        Server(GXDLMSAssociationLogicalName association, InterfaceType type) {
            super(association, type);
        }

        @Override
        protected boolean isTarget(int serverAddress, int clientAddress) {
            boolean ours = serverAddress == options.serverAddress() && clientAddress == PUBLIC_CLIENT;
            if (!ours) {
                log.add("ignored frame for server " + serverAddress + " from client " + clientAddress);
            }
            return ours;
        }

        @Override
        protected SourceDiagnostic onValidateAuthentication(Authentication authentication, byte[] password) {
            return authentication == Authentication.NONE ? SourceDiagnostic.NONE
                    : SourceDiagnostic.AUTHENTICATION_FAILURE;
        }

        @Override
        protected GXDLMSObject onFindObject(ObjectType objectType, int sn, String ln) {
            return null; // Gurux then looks the object up in getItems()
        }

        @Override
        public void onPreRead(ValueEventArgs[] args) {
            for (ValueEventArgs arg : args) {
                if (arg.getTarget() instanceof GXDLMSClock clock && arg.getIndex() == 2) {
                    // the meter's clock is the board's virtual clock, so tests can predict it
                    clock.setTime(new GXDateTime(Date.from(scheduler.instant())));
                }
            }
        }

        @Override
        public void onPostRead(ValueEventArgs[] args) {
        }

        @Override
        public void onPreGet(ValueEventArgs[] args) {
        }

        @Override
        public void onPostGet(ValueEventArgs[] args) {
        }

        @Override
        protected void onPreWrite(ValueEventArgs[] args) {
        }

        @Override
        protected void onPostWrite(ValueEventArgs[] args) {
        }

        @Override
        protected void onConnected(GXDLMSConnectionEventArgs connectionInfo) {
            markAssociated();
        }

        @Override
        protected void onInvalidConnection(GXDLMSConnectionEventArgs connectionInfo) {
            log.add("invalid connection attempt");
        }

        @Override
        protected void onDisconnected(GXDLMSConnectionEventArgs connectionInfo) {
        }

        @Override
        protected AccessMode onGetAttributeAccess(ValueEventArgs arg) {
            return AccessMode.READ;
        }

        @Override
        protected MethodAccessMode onGetMethodAccess(ValueEventArgs arg) {
            return MethodAccessMode.NO_ACCESS;
        }

        @Override
        protected void onPreAction(ValueEventArgs[] args) {
        }

        @Override
        protected void onPostAction(ValueEventArgs[] args) {
        }
    }
}
