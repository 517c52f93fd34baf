package io.metermodem.hal.mock.cellular;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.Apn;
import io.metermodem.hal.cellular.CallEndReason;
import io.metermodem.hal.cellular.CellularException;
import io.metermodem.hal.cellular.CellularException.Reason;
import io.metermodem.hal.cellular.CellularListener;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.cellular.CsdCall;
import io.metermodem.hal.cellular.IncomingSms;
import io.metermodem.hal.cellular.ModuleFault;
import io.metermodem.hal.cellular.ModuleIdentity;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.cellular.PhoneNumber;
import io.metermodem.hal.cellular.PingResult;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.cellular.SimState;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A cellular module and the network around it, in virtual time and scripted by the test (HAL-7).
 * The firmware sees a {@link CellularModule}; the test drives the world:
 *
 * <pre>{@code
 * MockCellularNetwork network = new MockCellularNetwork(scheduler)
 *         .requirePin("1234")
 *         .networkAvailable(AccessTechnology.LTE, "Telekom HU")
 *         .rssi(-71);
 * firmware.start();                                  // enters the PIN, registers after 3 s
 * scheduler.advance(Duration.ofSeconds(5));
 * network.deliverSms("+36301234567", "status");
 * scheduler.advance(Duration.ofSeconds(3));
 * assertEquals("+36301234567", network.sentSms().get(0).destination());
 * }</pre>
 *
 * <h2>Model</h2>
 * The network side offers (or not) a cell with an access technology, an operator and an RSSI, and may
 * deny registration. The module side has a SIM (absent, PIN-locked with three tries, PUK-locked or
 * ready), is attached or not, and may be restarting or not answering. Registration follows from both:
 * without a ready SIM the module is {@link RegistrationState#NOT_REGISTERED}; with one but without an
 * attach it is {@link RegistrationState#SEARCHING}; the module attaches by itself
 * {@link MockCellularTimings#registration()} after SIM and coverage are there (after a PIN or a
 * restart), or at once when the script says {@link #registerOn}. Losing registration drops packet
 * data and any call.
 *
 * <h2>Timing and order</h2>
 * Script methods change the state at once ({@link #status()} shows it before they return), while
 * listener calls, receiver calls and operation completions happen in scheduler tasks, in the order of
 * the events: advance the scheduler (even by zero, or {@code runDueTasks()}) to hear them. Operations
 * complete after the latencies of {@link MockCellularTimings}. No thread is started; use this object
 * from the thread that advances virtual time.
 *
 * <h2>Bounds</h2>
 * At most {@link #MAX_LISTENERS} listeners, {@link #MAX_PENDING_INCOMING_SMS} SMS waiting for
 * registration; the last {@link #MAX_RECORDED} sent SMS and dialled numbers are kept for assertions.
 */
public final class MockCellularNetwork implements CellularModule {

    /** Most listeners accepted. */
    public static final int MAX_LISTENERS = 32;
    /** Most SMS the network holds for a module that is not registered. */
    public static final int MAX_PENDING_INCOMING_SMS = 100;
    /** Sent SMS and dialled numbers kept for assertions; older ones are dropped. */
    public static final int MAX_RECORDED = 1000;
    /** Rings an incoming call gives before the caller gives up, unless the script says otherwise. */
    public static final int DEFAULT_CALLER_PATIENCE = 10;
    /** Wrong PINs a SIM accepts before it asks for its PUK. */
    public static final int PIN_ATTEMPTS = 3;
    /** Default IMEI of the mock module. */
    public static final String DEFAULT_IMEI = "356938035643809";
    /** Default IMSI of the mock SIM (a Hungarian network). */
    public static final String DEFAULT_IMSI = "216301234567890";
    /** Default ICCID of the mock SIM. */
    public static final String DEFAULT_ICCID = "8936301234567890123";

    private static final CellularListener[] NO_LISTENERS = new CellularListener[0];

    private final Scheduler scheduler;
    private final MockCellularTimings timings;
    private CellularListener[] listeners = NO_LISTENERS;

    // Identity
    private String manufacturer = "metermodem";
    private String model = "MockCell";
    private String revision = "1.0";
    private String imei = DEFAULT_IMEI;
    private String imsi = DEFAULT_IMSI;
    private String iccid = DEFAULT_ICCID;

    // SIM
    private SimState sim = SimState.READY;
    private String correctPin;
    private int pinAttemptsLeft = PIN_ATTEMPTS;

    // Network side
    private AccessTechnology coverage = AccessTechnology.NONE;
    private String operator = "";
    private boolean roaming;
    private boolean denied;
    private int rssiDbm = -75;
    private boolean rssiKnown = true;

    // Module side
    private boolean alive = true;
    private boolean unresponsive;
    private boolean attached;
    private ScheduledTask attachTask;
    private long moduleEpoch;
    private CompletableFuture<Void> restarting;
    private CellularStatus published;

    // Packet data
    private String ipAddress;
    private Apn activeApn;
    private long pdpSession;
    private int ipCounter;
    private String scriptedNextIp;
    private final Set<String> rejectedApns = new HashSet<>();

    // SMS
    private final ArrayDeque<SentSms> sentSms = new ArrayDeque<>();
    private long droppedSentSms;
    private final ArrayDeque<IncomingSms> pendingIncoming = new ArrayDeque<>();
    private int nextReference;
    private int smsToRefuse;

    // Ping
    private Optional<Duration> defaultPingReply = Optional.of(Duration.ofMillis(60));
    private final Map<String, Optional<Duration>> pingReplies = new HashMap<>();
    private long pingsSent;

    // Calls
    private CsdLink call;
    private CsdLink lastCall;
    private ScheduledTask ringTask;
    private int ringCount;
    private final Map<String, DialOutcome> dialOutcomes = new HashMap<>();
    private final ArrayDeque<String> dialled = new ArrayDeque<>();

    /**
     * A module with a ready SIM and no network yet, with {@link MockCellularTimings#DEFAULT} timings.
     *
     * @param scheduler the board's scheduler
     */
    public MockCellularNetwork(Scheduler scheduler) {
        this(scheduler, MockCellularTimings.DEFAULT);
    }

    /**
     * A module with a ready SIM and no network yet.
     *
     * @param scheduler the board's scheduler
     * @param timings   latencies of the module and network
     */
    public MockCellularNetwork(Scheduler scheduler, MockCellularTimings timings) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.published = computeStatus();
    }

    /** @return the latencies in use */
    public MockCellularTimings timings() {
        return timings;
    }

    // =============================================================================================
    // CellularModule
    // =============================================================================================

    @Override
    public CellularStatus status() {
        return published;
    }

    @Override
    public ModuleIdentity identity() {
        return new ModuleIdentity(manufacturer, model, revision, imei,
                alive && sim == SimState.READY ? Optional.of(imsi) : Optional.empty(),
                alive && sim != SimState.ABSENT && sim != SimState.FAILURE ? Optional.of(iccid) : Optional.empty());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when {@link #MAX_LISTENERS} are registered already
     */
    @Override
    public void addListener(CellularListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (listeners.length >= MAX_LISTENERS) {
            throw new IllegalStateException("the cellular module already has " + MAX_LISTENERS + " listeners");
        }
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
    }

    @Override
    public void removeListener(CellularListener listener) {
        listeners = Arrays.stream(listeners).filter(l -> l != listener).toArray(CellularListener[]::new);
    }

    /**
     * {@inheritDoc} The third wrong PIN fails with {@link Reason#SIM_BLOCKED}: the SIM then needs its PUK.
     *
     * @throws IllegalArgumentException if {@code pin} is not 4..8 digits
     */
    @Override
    public CompletionStage<Void> enterPin(String pin) {
        if (pin == null || !pin.matches("\\d{4,8}")) {
            throw new IllegalArgumentException("a PIN has 4..8 digits");
        }
        return operation("AT+CPIN", timings.pinCheck(), () -> {
            switch (sim) {
                case ABSENT -> throw new CellularException(Reason.SIM_ABSENT, "no SIM inserted");
                case PUK_REQUIRED -> throw new CellularException(Reason.SIM_BLOCKED, "the SIM needs its PUK");
                case FAILURE -> throw new CellularException(Reason.REFUSED, "the SIM does not answer");
                case READY -> {
                    return null;
                }
                case PIN_REQUIRED -> {
                    if (pin.equals(correctPin)) {
                        pinAttemptsLeft = PIN_ATTEMPTS;
                        sim = SimState.READY;
                        update(false);
                        return null;
                    }
                    if (--pinAttemptsLeft == 0) {
                        sim = SimState.PUK_REQUIRED;
                        update(false);
                        throw new CellularException(Reason.SIM_BLOCKED, "wrong PIN for the third time; the SIM needs its PUK");
                    }
                    throw new CellularException(Reason.PIN_WRONG, "wrong PIN, " + pinAttemptsLeft + " attempts left");
                }
            }
            throw new AssertionError(sim);
        });
    }

    /**
     * {@inheritDoc} It takes {@link MockCellularTimings#smsSendPerPart()} per part: a text of
     * 7-bit characters fits 160 characters in one part and 153 per part when concatenated, any other
     * text 70 and 67. The message then appears in {@link #sentSms()}.
     */
    @Override
    public CompletionStage<Integer> sendSms(OutgoingSms sms) {
        Objects.requireNonNull(sms, "sms");
        if (alive && !unresponsive) {
            Optional<CellularException> refusal = simRefusal().or(this::registrationRefusal);
            if (refusal.isPresent()) {
                return failAfter(timings.atResponse(), refusal.get());
            }
        }
        int parts = partsOf(sms.text());
        return operation("AT+CMGS", timings.smsSendPerPart().multipliedBy(parts), () -> {
            Optional<CellularException> refusal = registrationRefusal();
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            if (smsToRefuse > 0) {
                smsToRefuse--;
                throw new CellularException(Reason.REFUSED, "the network refused the SMS to " + sms.destination());
            }
            nextReference = (nextReference + parts) % 256;
            int reference = (nextReference + 255) % 256;
            recordSent(new SentSms(sms.destination(), sms.text(), parts, reference, scheduler.nanoTime()));
            return reference;
        });
    }

    @Override
    public CompletionStage<CsdCall> answer() {
        CsdLink ringing = call;
        if (!alive || unresponsive || ringing == null || ringing.phase() != CsdLink.Phase.RINGING) {
            return operation("ATA", timings.atResponse(), () -> {
                throw new CellularException(Reason.NO_CALL, "no call is ringing");
            });
        }
        stopRinging();
        ringing.connecting();
        return operation("ATA", timings.answer(), () -> {
            if (ringing.isEnded()) {
                throw new CellularException(Reason.NO_CARRIER, "the caller " + ringing.remoteNumber() + " hung up");
            }
            ringing.connected();
            return ringing.modemEnd();
        });
    }

    /**
     * {@inheritDoc} The outcome is what {@link #onDial} scripted for the number,
     * {@link DialOutcome#NO_CARRIER} otherwise; it comes after {@link MockCellularTimings#dial()}.
     * {@link #lastCall()} is the far end of an answered call.
     *
     * @throws IllegalArgumentException for a malformed number
     */
    @Override
    public CompletionStage<CsdCall> dial(String number) {
        PhoneNumber.require(number);
        if (alive && !unresponsive) {
            Optional<CellularException> refusal = registrationRefusal();
            if (refusal.isPresent()) {
                return failAfter(timings.atResponse(), refusal.get());
            }
            if (call != null) {
                return failAfter(timings.atResponse(),
                        new CellularException(Reason.REFUSED, "a call with " + call.remoteNumber() + " is in progress"));
            }
            recordDialled(number);
            CsdLink link = new CsdLink(this, scheduler, timings, number, false);
            call = link;
            lastCall = link;
            DialOutcome outcome = dialOutcomes.getOrDefault(number, DialOutcome.NO_CARRIER);
            return operation("ATD" + number, timings.dial(), () -> {
                if (link.isEnded()) {
                    throw new CellularException(Reason.NO_CARRIER, "the call to " + number + " was lost");
                }
                if (outcome == DialOutcome.ANSWER) {
                    link.connected();
                    return link.modemEnd();
                }
                link.endBoth(CallEndReason.REMOTE_HANG_UP, CallEndReason.LOCAL_HANG_UP);
                throw switch (outcome) {
                    case BUSY -> new CellularException(Reason.BUSY, number + " is busy");
                    case NO_ANSWER -> new CellularException(Reason.NO_ANSWER, number + " does not answer");
                    default -> new CellularException(Reason.NO_CARRIER, "no carrier from " + number);
                };
            });
        }
        return noAnswer("ATD" + number);
    }

    @Override
    public void reject() {
        CsdLink ringing = call;
        if (ringing != null && ringing.phase() == CsdLink.Phase.RINGING) {
            stopRinging();
            ringing.endBoth(CallEndReason.LOCAL_HANG_UP, CallEndReason.REMOTE_HANG_UP);
        }
    }

    /**
     * {@inheritDoc} Activating while packet data is up completes with the address in use. The address
     * is {@code 10.64.x.y}, counting up, unless {@link #nextIpAddress} scripted one.
     */
    @Override
    public CompletionStage<String> activatePacketData(Apn apn) {
        Objects.requireNonNull(apn, "apn");
        if (alive && !unresponsive) {
            Optional<CellularException> refusal = registrationRefusal();
            if (refusal.isPresent()) {
                return failAfter(timings.atResponse(), refusal.get());
            }
            if (ipAddress != null) {
                String current = ipAddress;
                return operation("AT+CGACT", timings.atResponse(), () -> current);
            }
        }
        return operation("AT+CGACT", timings.pdpActivation(), () -> {
            Optional<CellularException> refusal = registrationRefusal();
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            if (rejectedApns.contains(apn.name())) {
                throw new CellularException(Reason.REFUSED, "the network rejected APN " + apn.name());
            }
            if (ipAddress == null) {
                ipAddress = allocateIp();
                activeApn = apn;
                pdpSession++;
                update(false);
            }
            return ipAddress;
        });
    }

    @Override
    public CompletionStage<Void> deactivatePacketData() {
        Duration latency = ipAddress == null ? timings.atResponse() : timings.pdpDeactivation();
        return operation("AT+CGACT=0", latency, () -> {
            if (ipAddress != null) {
                clearPacketData();
                update(false);
            }
            return null;
        });
    }

    /**
     * {@inheritDoc} The reply comes after the round trip scripted by {@link #pingRoundTrip} for the
     * host (or all hosts); a reply slower than {@code timeout}, a host scripted with
     * {@link #pingNoReply}, or packet data lost while waiting gives an empty result at the timeout.
     *
     * @throws IllegalArgumentException for a timeout that is not positive
     */
    @Override
    public CompletionStage<PingResult> ping(String host, Duration timeout) {
        Objects.requireNonNull(host, "host");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("ping timeout must be positive, got " + timeout);
        }
        if (!alive || unresponsive) {
            return noAnswer("AT+PING");
        }
        if (ipAddress == null) {
            return failAfter(timings.atResponse(), new CellularException(Reason.NO_PACKET_DATA,
                    "cannot ping " + host + " without packet data"));
        }
        pingsSent++;
        CompletableFuture<PingResult> result = new CompletableFuture<>();
        long session = pdpSession;
        long epoch = moduleEpoch;
        Optional<Duration> reply = pingReplies.getOrDefault(host, defaultPingReply);
        scheduler.schedule(timeout, () -> result.complete(new PingResult(host, Optional.empty())));
        if (reply.isPresent() && reply.get().compareTo(timeout) <= 0) {
            scheduler.schedule(reply.get(), () -> {
                if (session == pdpSession && epoch == moduleEpoch && ipAddress != null) {
                    result.complete(new PingResult(host, reply));
                }
            });
        }
        return result;
    }

    /**
     * {@inheritDoc} At once the module reports nothing ({@link CellularStatus#UNKNOWN}), packet data
     * and any call are gone, and operations in progress fail with {@link Reason#TIMEOUT}; after
     * {@link MockCellularTimings#restart()} it answers again with its SIM locked again if it has a
     * PIN, and attaches by itself. A restart clears an {@link #atTimeout()} fault.
     */
    @Override
    public CompletionStage<Void> restart() {
        if (restarting != null) {
            return restarting;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        restarting = done;
        alive = false;
        unresponsive = false;
        moduleEpoch++;
        detach();
        stopRinging();
        if (call != null) {
            call.endBoth(CallEndReason.NETWORK_LOST, CallEndReason.REMOTE_HANG_UP);
        }
        clearPacketData();
        update(false);
        scheduler.schedule(timings.restart(), () -> {
            alive = true;
            if (sim == SimState.READY && correctPin != null) {
                sim = SimState.PIN_REQUIRED;
            }
            restarting = null;
            update(false);
            done.complete(null);
        });
        return done;
    }

    // =============================================================================================
    // Script: SIM
    // =============================================================================================

    /**
     * Removes the SIM: registration, packet data and calls are lost.
     *
     * @return this
     */
    public MockCellularNetwork simAbsent() {
        sim = SimState.ABSENT;
        detach();
        update(false);
        return this;
    }

    /**
     * Inserts the SIM: ready at once without a PIN lock, else waiting for its PIN.
     *
     * @return this
     */
    public MockCellularNetwork insertSim() {
        if (sim == SimState.ABSENT || sim == SimState.FAILURE) {
            sim = correctPin == null ? SimState.READY : SimState.PIN_REQUIRED;
            update(false);
        }
        return this;
    }

    /**
     * Puts a PIN-locked SIM in: it waits for {@code pin}, with {@link #PIN_ATTEMPTS} tries, and asks
     * for the PIN again after each module restart.
     *
     * @param pin the correct PIN, 4..8 digits
     * @return this
     * @throws IllegalArgumentException for a malformed PIN
     */
    public MockCellularNetwork requirePin(String pin) {
        if (pin == null || !pin.matches("\\d{4,8}")) {
            throw new IllegalArgumentException("a PIN has 4..8 digits, got '" + pin + "'");
        }
        correctPin = pin;
        pinAttemptsLeft = PIN_ATTEMPTS;
        sim = SimState.PIN_REQUIRED;
        detach();
        update(false);
        return this;
    }

    /**
     * Makes the SIM stop answering ({@link SimState#FAILURE}).
     *
     * @return this
     */
    public MockCellularNetwork simFailure() {
        sim = SimState.FAILURE;
        detach();
        update(false);
        return this;
    }

    /** @return PIN tries left before the SIM asks for its PUK */
    public int pinAttemptsLeft() {
        return pinAttemptsLeft;
    }

    // =============================================================================================
    // Script: network
    // =============================================================================================

    /**
     * Offers a home network; the module attaches by itself after {@link MockCellularTimings#registration()}
     * once its SIM is ready.
     *
     * @param technology the cell's access technology, not {@link AccessTechnology#NONE}
     * @param operatorName the operator name
     * @return this
     */
    public MockCellularNetwork networkAvailable(AccessTechnology technology, String operatorName) {
        offer(technology, operatorName, false);
        update(true);
        return this;
    }

    /**
     * Registers the module on a home network now (as soon as its SIM is ready, if it is not yet).
     * Also changes the access technology or operator of a registered module.
     *
     * @param technology   the access technology, not {@link AccessTechnology#NONE}
     * @param operatorName the operator name
     * @return this
     */
    public MockCellularNetwork registerOn(AccessTechnology technology, String operatorName) {
        offer(technology, operatorName, false);
        attachNowIfPossible();
        update(true);
        return this;
    }

    /**
     * Registers the module on a roaming network now.
     *
     * @param technology   the access technology, not {@link AccessTechnology#NONE}
     * @param operatorName the operator name
     * @return this
     */
    public MockCellularNetwork registerRoaming(AccessTechnology technology, String operatorName) {
        offer(technology, operatorName, true);
        attachNowIfPossible();
        update(true);
        return this;
    }

    /**
     * Changes the access technology of the serving cell, keeping the operator.
     *
     * @param technology the new technology, not {@link AccessTechnology#NONE}
     * @return this
     * @throws IllegalStateException when no network is offered
     */
    public MockCellularNetwork changeTechnology(AccessTechnology technology) {
        if (coverage == AccessTechnology.NONE) {
            throw new IllegalStateException("no network is offered; call registerOn or networkAvailable first");
        }
        offer(technology, operator, roaming);
        update(true);
        return this;
    }

    /**
     * Coverage is lost: the module searches ({@link RegistrationState#SEARCHING}); packet data and
     * calls are dropped and, if it was registered, listeners hear {@link ModuleFault#NETWORK_LOST}.
     *
     * @return this
     */
    public MockCellularNetwork loseNetwork() {
        coverage = AccessTechnology.NONE;
        operator = "";
        detach();
        update(true);
        return this;
    }

    /**
     * The network denies registration ({@link RegistrationState#DENIED}) until the next
     * {@link #registerOn} or {@link #networkAvailable}.
     *
     * @return this
     */
    public MockCellularNetwork deny() {
        if (coverage == AccessTechnology.NONE) {
            throw new IllegalStateException("no network is offered to deny registration; call networkAvailable first");
        }
        denied = true;
        detach();
        update(true);
        return this;
    }

    /**
     * The network tears down packet data and any data call, the registration stays: listeners hear the
     * new status and {@link ModuleFault#NETWORK_LOST}. Harmless when neither is up.
     *
     * @return this
     */
    public MockCellularNetwork dropNetwork() {
        boolean lost = ipAddress != null || call != null;
        clearPacketData();
        loseCall();
        update(false);
        if (lost) {
            emit(l -> l.onFault(ModuleFault.NETWORK_LOST));
        }
        return this;
    }

    /**
     * Sets the received signal strength, reported while a network is offered.
     *
     * @param dBm -150..0
     * @return this
     * @throws IllegalArgumentException outside that range
     */
    public MockCellularNetwork rssi(int dBm) {
        if (dBm < -150 || dBm > 0) {
            throw new IllegalArgumentException("RSSI must be -150..0 dBm, got " + dBm);
        }
        rssiDbm = dBm;
        rssiKnown = true;
        update(true);
        return this;
    }

    /**
     * Makes the RSSI undetectable ({@code +CSQ: 99}).
     *
     * @return this
     */
    public MockCellularNetwork rssiUnknown() {
        rssiKnown = false;
        update(true);
        return this;
    }

    // =============================================================================================
    // Script: module identity and faults
    // =============================================================================================

    /**
     * @param value the module's IMEI, 15 digits
     * @return this
     * @throws IllegalArgumentException for a malformed IMEI
     */
    public MockCellularNetwork imei(String value) {
        new ModuleIdentity(manufacturer, model, revision, value, Optional.empty(), Optional.empty());
        imei = value;
        return this;
    }

    /**
     * @param value the SIM's IMSI, 6..15 digits
     * @return this
     * @throws IllegalArgumentException for a malformed IMSI
     */
    public MockCellularNetwork imsi(String value) {
        new ModuleIdentity(manufacturer, model, revision, imei, Optional.of(value), Optional.empty());
        imsi = value;
        return this;
    }

    /**
     * @param value the SIM's ICCID, 18..20 digits
     * @return this
     * @throws IllegalArgumentException for a malformed ICCID
     */
    public MockCellularNetwork iccid(String value) {
        new ModuleIdentity(manufacturer, model, revision, imei, Optional.empty(), Optional.of(value));
        iccid = value;
        return this;
    }

    /**
     * @param manufacturerName e.g. {@code Quectel}
     * @param modelName        e.g. {@code EC21}
     * @param firmwareRevision e.g. {@code EC21EFAR06A01M4G}
     * @return this
     */
    public MockCellularNetwork moduleInfo(String manufacturerName, String modelName, String firmwareRevision) {
        manufacturer = Objects.requireNonNull(manufacturerName, "manufacturerName");
        model = Objects.requireNonNull(modelName, "modelName");
        revision = Objects.requireNonNull(firmwareRevision, "firmwareRevision");
        return this;
    }

    /**
     * The module stops answering AT commands: every operation from now on fails with
     * {@link Reason#TIMEOUT} after {@link MockCellularTimings#atTimeout()}, and listeners hear
     * {@link ModuleFault#AT_TIMEOUT} each time, until {@link #respondAgain()} or {@link #restart()}.
     *
     * @return this
     */
    public MockCellularNetwork atTimeout() {
        unresponsive = true;
        return this;
    }

    /**
     * Ends an {@link #atTimeout()} fault without a restart.
     *
     * @return this
     */
    public MockCellularNetwork respondAgain() {
        unresponsive = false;
        return this;
    }

    /**
     * The module restarts by itself (a crash, a brown-out of the module): listeners hear
     * {@link ModuleFault#MODULE_RESTARTED}, then it goes through {@link #restart()}.
     *
     * @return this
     */
    public MockCellularNetwork crashModule() {
        emit(l -> l.onFault(ModuleFault.MODULE_RESTARTED));
        restart();
        return this;
    }

    /** @return whether the module is restarting and answers nothing */
    public boolean isRestarting() {
        return !alive;
    }

    // =============================================================================================
    // Script: SMS
    // =============================================================================================

    /**
     * An SMS reaches the module: listeners hear {@code onSmsReceived} in a scheduler task, stamped
     * with the scheduler's instant. While the module is not registered the network holds it and
     * delivers it on registration.
     *
     * @param from the sender's number
     * @param text the text
     * @return this
     * @throws IllegalArgumentException for a malformed number
     * @throws IllegalStateException    when {@link #MAX_PENDING_INCOMING_SMS} wait already
     */
    public MockCellularNetwork deliverSms(String from, String text) {
        IncomingSms sms = new IncomingSms(from, scheduler.instant(), text);
        if (pendingIncoming.size() >= MAX_PENDING_INCOMING_SMS) {
            throw new IllegalStateException(MAX_PENDING_INCOMING_SMS
                    + " SMS already wait for the module to register");
        }
        pendingIncoming.add(sms);
        flushIncomingSms();
        return this;
    }

    /**
     * The network refuses the next {@code count} SMS the modem sends ({@link Reason#REFUSED}).
     *
     * @param count how many
     * @return this
     */
    public MockCellularNetwork refuseNextSms(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        smsToRefuse = count;
        return this;
    }

    /** @return the SMS the modem sent, oldest first (the last {@link #MAX_RECORDED}) */
    public List<SentSms> sentSms() {
        return List.copyOf(sentSms);
    }

    /**
     * @return the sent SMS, which are then forgotten
     */
    public List<SentSms> takeSentSms() {
        List<SentSms> copy = List.copyOf(sentSms);
        sentSms.clear();
        return copy;
    }

    /** @return sent SMS forgotten because more than {@link #MAX_RECORDED} were kept */
    public long droppedSentSms() {
        return droppedSentSms;
    }

    /** @return SMS the network still holds for the module */
    public int pendingIncomingSms() {
        return pendingIncoming.size();
    }

    // =============================================================================================
    // Script: calls
    // =============================================================================================

    /**
     * A data call comes in from {@code from} and rings at once, then every
     * {@link MockCellularTimings#ringInterval()}, up to {@link #DEFAULT_CALLER_PATIENCE} rings.
     *
     * @param from the caller's number, or empty for a withheld number
     * @return the caller, to talk to once the modem answered
     */
    public CsdPeer incomingCall(String from) {
        return incomingCall(from, DEFAULT_CALLER_PATIENCE);
    }

    /**
     * A data call comes in and rings at once, then every {@link MockCellularTimings#ringInterval()};
     * if the modem does not answer within {@code rings} rings, the caller gives up one interval after
     * the last one and listeners hear {@code onRingingStopped(MISSED)}.
     *
     * @param from  the caller's number, or empty for a withheld number
     * @param rings how many rings the caller waits, at least 1
     * @return the caller, to talk to once the modem answered
     * @throws IllegalStateException    when the module is not registered or a call is in progress
     * @throws IllegalArgumentException for a malformed number or fewer than 1 ring
     */
    public CsdPeer incomingCall(String from, int rings) {
        if (!from.isEmpty()) {
            PhoneNumber.require(from);
        }
        if (rings < 1) {
            throw new IllegalArgumentException("a caller waits at least 1 ring, got " + rings);
        }
        if (!published.registration().isRegistered()) {
            throw new IllegalStateException("a call cannot come in: the module is " + published.registration());
        }
        if (call != null) {
            throw new IllegalStateException("a call with " + call.remoteNumber() + " is in progress already");
        }
        CsdLink link = new CsdLink(this, scheduler, timings, from, true);
        call = link;
        lastCall = link;
        ringCount = 0;
        ringTask = scheduler.scheduleAtFixedRate(Duration.ZERO, timings.ringInterval(), () -> {
            if (ringCount == rings) {
                stopRinging();
                link.endPeer(CallEndReason.MISSED);
                callerGaveUp(link);
                return;
            }
            int count = ++ringCount;
            emit(l -> l.onRing(from, count));
        });
        return link.peerEnd();
    }

    /**
     * Scripts what happens when the modem dials {@code number}.
     *
     * @param number  the number as the modem will dial it
     * @param outcome what the far end does
     * @return this
     */
    public MockCellularNetwork onDial(String number, DialOutcome outcome) {
        dialOutcomes.put(PhoneNumber.require(number), Objects.requireNonNull(outcome, "outcome"));
        return this;
    }

    /** @return the numbers the modem dialled, oldest first (the last {@link #MAX_RECORDED}) */
    public List<String> dialledNumbers() {
        return List.copyOf(dialled);
    }

    /** @return the far end of the most recent call, incoming or dialled */
    public Optional<CsdPeer> lastCall() {
        return Optional.ofNullable(lastCall).map(CsdLink::peerEnd);
    }

    /** @return whether an incoming call rings, unanswered */
    public boolean isRinging() {
        return call != null && call.phase() == CsdLink.Phase.RINGING;
    }

    // =============================================================================================
    // Script: packet data and ping
    // =============================================================================================

    /**
     * The network rejects activation with this APN ({@link Reason#REFUSED}).
     *
     * @param apnName the APN name
     * @return this
     */
    public MockCellularNetwork rejectApn(String apnName) {
        rejectedApns.add(Objects.requireNonNull(apnName, "apnName"));
        return this;
    }

    /**
     * The network accepts this APN again.
     *
     * @param apnName the APN name
     * @return this
     */
    public MockCellularNetwork acceptApn(String apnName) {
        rejectedApns.remove(apnName);
        return this;
    }

    /**
     * The next packet data activation assigns this address.
     *
     * @param address an IPv4 or IPv6 address
     * @return this
     */
    public MockCellularNetwork nextIpAddress(String address) {
        scriptedNextIp = Objects.requireNonNull(address, "address");
        return this;
    }

    /** @return the APN of the packet data connection, empty while it is down */
    public Optional<Apn> activeApn() {
        return ipAddress == null ? Optional.empty() : Optional.ofNullable(activeApn);
    }

    /**
     * Every host answers pings after {@code roundTrip}, unless scripted per host.
     *
     * @param roundTrip the round-trip time, not negative
     * @return this
     */
    public MockCellularNetwork pingRoundTrip(Duration roundTrip) {
        defaultPingReply = Optional.of(requireNotNegative(roundTrip));
        return this;
    }

    /**
     * {@code host} answers pings after {@code roundTrip}.
     *
     * @param host      the host as pinged
     * @param roundTrip the round-trip time, not negative
     * @return this
     */
    public MockCellularNetwork pingRoundTrip(String host, Duration roundTrip) {
        pingReplies.put(Objects.requireNonNull(host, "host"), Optional.of(requireNotNegative(roundTrip)));
        return this;
    }

    /**
     * No host answers pings, unless scripted per host.
     *
     * @return this
     */
    public MockCellularNetwork pingNoReply() {
        defaultPingReply = Optional.empty();
        return this;
    }

    /**
     * {@code host} does not answer pings.
     *
     * @param host the host as pinged
     * @return this
     */
    public MockCellularNetwork pingNoReply(String host) {
        pingReplies.put(Objects.requireNonNull(host, "host"), Optional.empty());
        return this;
    }

    /** @return pings sent through packet data */
    public long pingsSent() {
        return pingsSent;
    }

    // =============================================================================================
    // Internals
    // =============================================================================================

    /** Work the module does for an operation; may throw the failure the operation completes with. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws CellularException;
    }

    /**
     * Runs {@code work} after {@code latency} in a scheduler task, or times out when the module does
     * not answer. An operation whose module restarted in between fails with TIMEOUT: its answer is lost.
     */
    private <T> CompletableFuture<T> operation(String command, Duration latency, Work<T> work) {
        if (!alive || unresponsive) {
            return noAnswer(command);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        long epoch = moduleEpoch;
        scheduler.schedule(latency, () -> {
            if (epoch != moduleEpoch) {
                result.completeExceptionally(new CellularException(Reason.TIMEOUT, command
                        + ": the module restarted before answering"));
                return;
            }
            try {
                result.complete(work.run());
            } catch (CellularException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** A command the module never answers: it fails after the AT timeout, reported as a fault. */
    private <T> CompletableFuture<T> noAnswer(String command) {
        CompletableFuture<T> result = new CompletableFuture<>();
        boolean restartInProgress = !alive;
        scheduler.schedule(timings.atTimeout(), () -> {
            result.completeExceptionally(new CellularException(Reason.TIMEOUT, command + ": no answer from the module"
                    + (restartInProgress ? " (restarting)" : "")));
            emit(l -> l.onFault(ModuleFault.AT_TIMEOUT));
        });
        return result;
    }

    private <T> CompletableFuture<T> failAfter(Duration latency, CellularException failure) {
        return operation("AT", latency, () -> {
            throw failure;
        });
    }

    private Optional<CellularException> simRefusal() {
        return switch (sim) {
            case READY -> Optional.empty();
            case ABSENT -> Optional.of(new CellularException(Reason.SIM_ABSENT, "no SIM inserted"));
            case PUK_REQUIRED -> Optional.of(new CellularException(Reason.SIM_BLOCKED, "the SIM needs its PUK"));
            case PIN_REQUIRED -> Optional.of(new CellularException(Reason.REFUSED, "the SIM waits for its PIN"));
            case FAILURE -> Optional.of(new CellularException(Reason.REFUSED, "the SIM does not answer"));
        };
    }

    private Optional<CellularException> registrationRefusal() {
        RegistrationState state = computeStatus().registration();
        return state.isRegistered() ? Optional.empty()
                : Optional.of(new CellularException(Reason.NOT_REGISTERED, "the module is " + state));
    }

    private void offer(AccessTechnology technology, String operatorName, boolean roams) {
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(operatorName, "operatorName");
        if (technology == AccessTechnology.NONE) {
            throw new IllegalArgumentException("a network needs an access technology; use loseNetwork() for none");
        }
        if (operatorName.isBlank()) {
            throw new IllegalArgumentException("a network needs an operator name");
        }
        coverage = technology;
        operator = operatorName;
        roaming = roams;
        denied = false;
    }

    private void attachNowIfPossible() {
        if (alive && sim == SimState.READY) {
            attached = true;
        }
    }

    private void detach() {
        attached = false;
        if (attachTask != null) {
            attachTask.cancel();
            attachTask = null;
        }
    }

    private CellularStatus computeStatus() {
        if (!alive) {
            return CellularStatus.UNKNOWN;
        }
        RegistrationState registration;
        if (sim != SimState.READY) {
            registration = RegistrationState.NOT_REGISTERED;
        } else if (coverage == AccessTechnology.NONE || (!attached && !denied)) {
            registration = RegistrationState.SEARCHING;
        } else if (denied) {
            registration = RegistrationState.DENIED;
        } else {
            registration = roaming ? RegistrationState.REGISTERED_ROAMING : RegistrationState.REGISTERED_HOME;
        }
        boolean registered = registration.isRegistered();
        return new CellularStatus(sim, registration,
                registered ? coverage : AccessTechnology.NONE,
                coverage != AccessTechnology.NONE && rssiKnown ? OptionalInt.of(rssiDbm) : OptionalInt.empty(),
                registered ? Optional.of(operator) : Optional.empty(),
                registered && ipAddress != null ? Optional.of(ipAddress) : Optional.empty());
    }

    /**
     * Brings everything in line after a change: drops what needs registration when it is gone,
     * schedules an automatic attach, publishes a changed status and delivers held SMS.
     *
     * @param networkCause whether a loss of registration is the network's doing (reported as
     *                     {@link ModuleFault#NETWORK_LOST}) rather than the module's or SIM's
     */
    private void update(boolean networkCause) {
        boolean wasRegistered = published.registration().isRegistered();
        CellularStatus next = computeStatus();
        boolean registered = next.registration().isRegistered();
        if (!registered) {
            clearPacketData();
            loseCall();
            next = computeStatus();
        }
        boolean canAttach = alive && sim == SimState.READY && coverage != AccessTechnology.NONE && !denied && !attached;
        if (canAttach && attachTask == null) {
            attachTask = scheduler.schedule(timings.registration(), () -> {
                attachTask = null;
                attached = true;
                update(true);
            });
        } else if (!canAttach && attachTask != null) {
            attachTask.cancel();
            attachTask = null;
        }
        if (!next.equals(published)) {
            CellularStatus snapshot = next;
            published = next;
            emit(l -> l.onStatusChanged(snapshot));
        }
        if (wasRegistered && !registered && networkCause) {
            emit(l -> l.onFault(ModuleFault.NETWORK_LOST));
        }
        flushIncomingSms();
    }

    private void flushIncomingSms() {
        while (!pendingIncoming.isEmpty() && published.registration().isRegistered()) {
            IncomingSms sms = pendingIncoming.poll();
            emit(l -> l.onSmsReceived(sms));
        }
    }

    private void clearPacketData() {
        if (ipAddress != null) {
            ipAddress = null;
            activeApn = null;
            pdpSession++;
        }
    }

    private String allocateIp() {
        if (scriptedNextIp != null) {
            String ip = scriptedNextIp;
            scriptedNextIp = null;
            return ip;
        }
        int n = ipCounter++ % (254 * 256);
        return "10.64." + (n / 254) + "." + (n % 254 + 1);
    }

    /** The network loses the call in progress; a ringing call stops with NETWORK_LOST. */
    private void loseCall() {
        CsdLink lost = call;
        if (lost == null) {
            return;
        }
        boolean wasRinging = lost.phase() == CsdLink.Phase.RINGING;
        stopRinging();
        lost.endBoth(CallEndReason.NETWORK_LOST, CallEndReason.NETWORK_LOST);
        if (wasRinging) {
            emit(l -> l.onRingingStopped(CallEndReason.NETWORK_LOST));
        }
    }

    private void stopRinging() {
        if (ringTask != null) {
            ringTask.cancel();
            ringTask = null;
        }
    }

    /** Called by a {@link CsdLink} that ended, whatever the reason. */
    void callEnded(CsdLink link) {
        if (call == link) {
            call = null;
            stopRinging();
        }
    }

    /** Called when the caller of a ringing call hangs up or runs out of patience. */
    void callerGaveUp(CsdLink link) {
        if (call == link) {
            call = null;
            stopRinging();
            emit(l -> l.onRingingStopped(CallEndReason.MISSED));
        }
    }

    /** Delivers a report to every listener in a scheduler task, after the reports queued before it. */
    private void emit(Consumer<CellularListener> event) {
        scheduler.execute(() -> {
            for (CellularListener listener : listeners) {
                event.accept(listener);
            }
        });
    }

    private void recordSent(SentSms entry) {
        if (sentSms.size() >= MAX_RECORDED) {
            sentSms.poll();
            droppedSentSms++;
        }
        sentSms.add(entry);
    }

    private void recordDialled(String number) {
        if (dialled.size() >= MAX_RECORDED) {
            dialled.poll();
        }
        dialled.add(number);
    }

    private static int partsOf(String text) {
        boolean sevenBit = text.chars().allMatch(c -> c < 128);
        int single = sevenBit ? 160 : 70;
        int concatenated = sevenBit ? 153 : 67;
        return text.length() <= single ? 1 : (text.length() + concatenated - 1) / concatenated;
    }

    private static Duration requireNotNegative(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "MockCellularNetwork[" + published + "]";
    }
}
