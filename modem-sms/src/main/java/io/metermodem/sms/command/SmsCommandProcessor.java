package io.metermodem.sms.command;

import io.metermodem.config.ChangeOutcome;
import io.metermodem.config.Configuration;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.Parameter;
import io.metermodem.config.ParameterError;
import io.metermodem.config.Transaction;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.time.Clock;
import io.metermodem.sms.mread.MeterReadException;
import io.metermodem.sms.mread.MeterRegisterReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes SMS commands (manual 4.6, SMS-1..SMS-11) against the configuration and tells what to
 * answer. The steps, each of which can end the SMS:
 * <ol>
 *   <li>{@link SmsCommandParser#envelope}: too long, leading white space, not starting with
 *       {@code pw=}/{@code cmd=}: dropped silently (SMS-11).</li>
 *   <li>Throttle: a sender (or everyone) locked out after wrong passwords: dropped silently.</li>
 *   <li>Authentication (SMS-1): with {@code csd.password} set the prefix must carry it (compared
 *       in constant time against the stored PBKDF2 hash); a missing or wrong password is dropped
 *       silently, and a wrong one counts for the throttle. Without a password set no prefix is
 *       needed, and a prefix is ignored.</li>
 *   <li>{@link SmsCommandParser#commands}: a syntax error is answered with
 *       {@value SmsReplies#NOT_PROCESSED}{@code <reason>} and nothing is executed.</li>
 *   <li>Execution. All sets of an SMS form one {@link Transaction}: all or nothing (SMS-4, SMS-10).
 *       The queries are answered from the configuration after it, each as
 *       {@code <param> = <value>} + CR LF (SMS-5), followed, when the SMS had sets, by
 *       {@value SmsReplies#CHANGED}{@code <code>} and, for a refused transaction, one
 *       {@code <param>: <reason>} line per error. Secret parameters (passwords, PIN, APN password)
 *       are never echoed: a query shows {@value SmsReplies#SECRET_MASK} when set, nothing when not.</li>
 * </ol>
 * Logs name the sender, the outcome and parameter names, never the text or a value. No exception
 * escapes {@link #process}: an internal failure is logged and the SMS dropped.
 *
 * <p>Call from one thread (the modem's scheduler); the meter read completes there too.
 */
public final class SmsCommandProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SmsCommandProcessor.class);
    /** The password parameter that guards SMS commands (SMS-1). */
    public static final String PASSWORD_PARAMETER = "csd.password";

    private final ConfigurationService configuration;
    private final Clock clock;
    private final PasswordThrottle throttle;
    private final MeterRegisterReader meter;

    /**
     * @param configuration the configuration in force
     * @param clock         the modem's clock, for the throttle
     * @param throttle      the password throttle
     * @param meter         reads the meter for {@code mread}; {@link MeterRegisterReader#NONE} without meter
     */
    public SmsCommandProcessor(ConfigurationService configuration, Clock clock, PasswordThrottle throttle,
                               MeterRegisterReader meter) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    /** @return the throttle */
    public PasswordThrottle throttle() {
        return throttle;
    }

    /**
     * Processes one SMS.
     *
     * @param sender the sender's number
     * @param text   the text as received
     * @return completes with the outcome; at once except for {@code mread}; never exceptionally
     */
    public CompletionStage<SmsOutcome> process(String sender, String text) {
        try {
            return processChecked(String.valueOf(sender), text);
        } catch (RuntimeException e) {
            LOG.warn("SMS from {}: internal error, dropped: {}", sender, e.toString());
            return CompletableFuture.completedFuture(new SmsOutcome.Dropped(DropReason.INTERNAL_ERROR));
        }
    }

    private CompletionStage<SmsOutcome> processChecked(String sender, String text) {
        SmsEnvelope envelope = SmsCommandParser.envelope(text);
        if (envelope instanceof SmsEnvelope.NotCommand(DropReason reason)) {
            return drop(sender, reason);
        }
        SmsEnvelope.Command command = (SmsEnvelope.Command) envelope;
        Configuration now = configuration.current();
        if (now.isPasswordSet(PASSWORD_PARAMETER)) {
            long nanos = clock.nanoTime();
            if (throttle.isLocked(sender, nanos)) {
                return drop(sender, DropReason.THROTTLED);
            }
            Optional<String> password = command.passwordPrefix();
            if (password.isEmpty()) {
                return drop(sender, DropReason.PASSWORD_MISSING);
            }
            if (!now.passwordMatches(PASSWORD_PARAMETER, password.get())) {
                throttle.recordFailure(sender, nanos);
                return drop(sender, DropReason.PASSWORD_WRONG);
            }
            throttle.recordSuccess(sender);
        }
        return switch (SmsCommandParser.commands(command.body())) {
            case CommandList.Invalid(int line, String reason) -> {
                LOG.info("SMS from {}: command line {} not processed: {}", sender, line, reason);
                yield reply(SmsReplies.NOT_PROCESSED + "line " + line + ": " + reason, false);
            }
            case CommandList.Parsed(List<SmsCommand> commands) -> execute(sender, commands);
        };
    }

    private CompletionStage<SmsOutcome> execute(String sender, List<SmsCommand> commands) {
        SmsCommand first = commands.getFirst();
        switch (first) {
            case SmsCommand.FactoryReset f -> {
                ChangeOutcome outcome = configuration.factoryReset();
                LOG.info("SMS from {}: AT&F, result {}", sender, outcome.errorCode());
                return reply(SmsReplies.RESET + outcome.errorCode(), false);
            }
            case SmsCommand.CertReset c -> {
                ChangeOutcome outcome = configuration.apply(Transaction.certReset());
                LOG.info("SMS from {}: certreset, result {}", sender, outcome.errorCode());
                return reply(SmsReplies.RESET + outcome.errorCode(), false);
            }
            case SmsCommand.Restart r -> {
                LOG.info("SMS from {}: ATR, restart after the answer", sender);
                return reply(SmsReplies.RESTART, true);
            }
            case SmsCommand.MeterRead m -> {
                LOG.info("SMS from {}: mread", sender);
                return meterRead(sender);
            }
            default -> {
                return reply(setsAndQueries(sender, commands), false);
            }
        }
    }

    private CompletionStage<SmsOutcome> meterRead(String sender) {
        CompletionStage<io.metermodem.sms.mread.MeterRegisters> read;
        try {
            read = meter.read();
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        return read.handle((registers, error) -> {
            if (error == null) {
                return (SmsOutcome) new SmsOutcome.Reply(limit(registers.toReply()), false);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String words = cause instanceof MeterReadException mre ? mre.kind().replyText() : "internal error";
            LOG.info("SMS from {}: mread failed: {}", sender, cause.toString());
            return new SmsOutcome.Reply(SmsReplies.MREAD_FAILED + words, false);
        });
    }

    private String setsAndQueries(String sender, List<SmsCommand> commands) {
        Transaction.Builder sets = Transaction.builder();
        for (SmsCommand c : commands) {
            if (c instanceof SmsCommand.Set(String name, String value)) {
                sets.set(name, value);
            }
        }
        StringBuilder reply = new StringBuilder();
        Configuration after = configuration.current();
        ChangeOutcome outcome = null;
        if (sets.size() > 0) {
            outcome = configuration.apply(sets.build());
            after = outcome.configuration();
            LOG.info("SMS from {}: {} set(s) {}, result {}", sender, sets.size(),
                    commands.stream().filter(SmsCommand.Set.class::isInstance).map(c -> ((SmsCommand.Set) c).name()).toList(),
                    outcome.errorCode());
        }
        for (SmsCommand c : commands) {
            if (c instanceof SmsCommand.Query(String name)) {
                reply.append(queryLine(after, name)).append(SmsReplies.CRLF);
            }
        }
        if (outcome != null) {
            reply.append(SmsReplies.CHANGED).append(outcome.errorCode());
            if (outcome instanceof ChangeOutcome.Invalid invalid) {
                for (ParameterError e : invalid.errors()) {
                    reply.append(SmsReplies.CRLF).append(errorLine(after, e));
                }
            }
        }
        return limit(reply.toString());
    }

    private static String queryLine(Configuration config, String name) {
        Optional<Parameter> p = config.registry().find(name);
        if (p.isEmpty()) {
            return "?" + name + ": unknown parameter";
        }
        String stored = config.values().get(name);
        if (p.get().isSecret()) {
            return name + " = " + (stored.isEmpty() ? "" : SmsReplies.SECRET_MASK);
        }
        return name + " = " + stored;
    }

    private static String errorLine(Configuration config, ParameterError e) {
        boolean secret = config.registry().find(e.name()).map(Parameter::isSecret).orElse(false);
        // The config module's texts for secrets never repeat the value; say less anyway.
        String reason = secret && e.kind() == ParameterError.Kind.BAD_VALUE ? "value not accepted" : e.reason();
        return e.name() + ": " + reason;
    }

    private static String limit(String text) {
        return text.length() <= OutgoingSms.MAX_TEXT_LENGTH ? text : text.substring(0, OutgoingSms.MAX_TEXT_LENGTH);
    }

    private static CompletionStage<SmsOutcome> reply(String text, boolean restart) {
        return CompletableFuture.completedFuture(new SmsOutcome.Reply(limit(text), restart));
    }

    private static CompletionStage<SmsOutcome> drop(String sender, DropReason reason) {
        LOG.info("SMS from {} dropped without reply: {}", sender, reason);
        return CompletableFuture.completedFuture(new SmsOutcome.Dropped(reason));
    }
}
