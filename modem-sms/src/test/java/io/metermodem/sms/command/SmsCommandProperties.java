package io.metermodem.sms.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ConfigurationService;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.sms.TestConfigs;
import io.metermodem.sms.mread.MeterRegisterReader;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of the SMS command language (SMS-1..SMS-11): any text is answered safely (a
 * bounded reply or a silent drop, the store byte-identical when nothing was to change, the password
 * never echoed), nothing changes without the password, the throttle stays bounded, and commands
 * joined by any separators parse back to themselves. The leading character and the letter case of the
 * special commands are tried exhaustively. The coverage-guided counterpart is {@link SmsCommandFuzzTest}.
 */
class SmsCommandProperties {

    private static final List<String> TOKENS = List.of("cmd=", "cmd=", "pw=s3cret.", "pw=wrong.", "pw=", ".", "?",
            "conn.apn_name", "conn.apn_user", "conn.apn_pass", "csd.password", "wd.ping_retries", "amm.last_gasp",
            "sim.pin", " = ", " =", "= ", "=", " ", "\\r\\n", "\r\n", "\n", "\r", "AT&F", "ATR", "mread", "certreset",
            "99", "3", "net", "x".repeat(40), "\u00e9", "\u0000", "\uD83D\uDE00", "\uD800", "\t");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Texts of the command grammar's pieces (twice as often), any UTF-16 text, or prefixed ASCII. */
    static String smsText(Gen gen) {
        return switch (gen.uniformInt(0, 3)) {
            case 0, 1 -> String.join("", gen.listOf(0, 60, () -> gen.oneOf(TOKENS)));
            case 2 -> gen.anyChars(0, 400);
            default -> gen.oneOf("cmd=", "pw=s3cret.cmd=") + gen.ascii(0, 200);
        };
    }

    private static String sender(Gen gen) {
        return "+" + gen.string(1, 20, "0123456789");
    }

    private static SmsCommandProcessor processor(ConfigurationService config, VirtualScheduler clock, PasswordThrottle throttle) {
        return new SmsCommandProcessor(config, clock, throttle, MeterRegisterReader.NONE);
    }

    @Property(tries = 600)
    @DisplayName("SMS-1..SMS-11: any text up to and beyond 160 characters: no exception, bounded reply, a rejected SMS leaves the store byte-identical")
    void anyTextIsSafe(Gen gen) {
        String text = smsText(gen);
        boolean passwordSet = gen.bool();
        String sender = sender(gen);
        MockFlash flash = new MockFlash();
        ConfigurationService config = TestConfigs.open(flash);
        if (passwordSet) {
            TestConfigs.withPassword(config, "s3cret");
        }
        SmsCommandProcessor processor = processor(config, new VirtualScheduler(), new PasswordThrottle(PasswordThrottle.Settings.DEFAULT));
        byte[] before = flash.snapshot();

        SmsOutcome outcome = processor.process(sender, text).toCompletableFuture().getNow(null);

        assertNotNull(outcome, "completed at once");
        boolean rejected = switch (outcome) {
            case SmsOutcome.Dropped d -> true;
            case SmsOutcome.Reply r -> {
                assertTrue(r.text().length() <= OutgoingSms.MAX_TEXT_LENGTH);
                assertFalse(r.text().contains("s3cret"), "the password is never echoed");
                yield r.text().startsWith(SmsReplies.NOT_PROCESSED) || r.text().contains("result: -")
                        || r.text().startsWith(SmsReplies.MREAD_FAILED) || r.text().startsWith(SmsReplies.RESTART)
                        || !r.text().contains("result:");
            }
        };
        if (rejected) {
            assertArrayEquals(before, flash.snapshot(), "a rejected or read-only SMS writes nothing");
        }
        if (text.codePointCount(0, text.length()) > SmsCommandParser.MAX_SMS_CHARS) {
            assertEquals(new SmsOutcome.Dropped(DropReason.TOO_LONG), outcome);
        }
        // whatever happened, the store holds exactly the configuration in force
        assertEquals(config.current(), TestConfigs.open(flash).current());
    }

    @Property(tries = 200)
    @DisplayName("SMS-1: any text against a password-protected modem never changes the store unless it carries the password")
    void withoutPasswordNothingChanges(Gen gen) {
        String text = smsText(gen);
        MockFlash flash = new MockFlash();
        ConfigurationService config = TestConfigs.withPassword(TestConfigs.open(flash), "s3cret");
        SmsCommandProcessor processor = processor(config, new VirtualScheduler(), new PasswordThrottle(PasswordThrottle.Settings.DEFAULT));
        byte[] before = flash.snapshot();

        SmsOutcome outcome = processor.process("+3612345", text).toCompletableFuture().getNow(null);

        if (text.startsWith("pw=s3cret.cmd=") && text.codePointCount(0, text.length()) <= SmsCommandParser.MAX_SMS_CHARS) {
            // authenticated: answered, and may legitimately change the configuration
            assertInstanceOf(SmsOutcome.Reply.class, outcome);
            return;
        }
        assertInstanceOf(SmsOutcome.Dropped.class, outcome, () -> "answered without password: " + outcome);
        assertArrayEquals(before, flash.snapshot());
    }

    @Property(tries = 50)
    @DisplayName("SMS-1: any number of wrong passwords from any senders keeps the throttle's memory bounded")
    void throttleBounded(Gen gen) {
        List<String> senders = gen.listOf(1, 300, () -> sender(gen));
        ConfigurationService config = TestConfigs.withPassword(TestConfigs.fresh(), "s3cret");
        VirtualScheduler clock = new VirtualScheduler();
        PasswordThrottle throttle = new PasswordThrottle(PasswordThrottle.Settings.DEFAULT);
        SmsCommandProcessor processor = processor(config, clock, throttle);
        for (String sender : senders) {
            SmsOutcome outcome = processor.process(sender, "pw=guess.cmd=ATR").toCompletableFuture().getNow(null);
            assertTrue(outcome.equals(new SmsOutcome.Dropped(DropReason.PASSWORD_WRONG))
                    || outcome.equals(new SmsOutcome.Dropped(DropReason.THROTTLED)), () -> "a guess got " + outcome);
            clock.advance(Duration.ofSeconds(7));
            assertTrue(throttle.trackedSenders() <= PasswordThrottle.Settings.DEFAULT.maxSenders());
        }
    }

    /** A parameter name of the grammar ({@code group.pname}) and a value of letters, digits and {@code  .-=?}. */
    private static SmsCommand parameterCommand(Gen gen) {
        String name = gen.string(1, 6, 'a', 'z') + ".p" + gen.string(0, 10, "abcdefghijklmnopqrstuvwxyz_09");
        if (gen.bool()) {
            return new SmsCommand.Query(name);
        }
        return new SmsCommand.Set(name, gen.string(0, 20, LETTERS + "0123456789 .-=?"));
    }

    @Property(tries = 500)
    @DisplayName("SMS-4: any sets and queries joined by any mix of the separators (four characters, CR LF, LF) parse back to the same commands")
    void separatorsRoundTrip(Gen gen) {
        List<SmsCommand> commands = gen.listOf(1, 8, () -> parameterCommand(gen));
        List<String> separators = gen.listOf(1, 4, () -> gen.oneOf(CommandText.SEPARATORS));
        boolean trailing = gen.bool();
        boolean repeatCmd = gen.bool();
        StringBuilder body = new StringBuilder("cmd=");
        for (int i = 0; i < commands.size(); i++) {
            if (i > 0) {
                body.append(separators.get(i % separators.size())).append(repeatCmd ? "cmd=" : "");
            }
            body.append(CommandText.line(commands.get(i)));
        }
        if (trailing) {
            body.append(separators.getFirst());
        }

        CommandList parsed = SmsCommandParser.commands(body.toString());

        assertEquals(new CommandList.Parsed(commands), parsed, body::toString);
    }

    @Property(tries = 1000)
    @DisplayName("SMS-1, SMS-3..SMS-5, SMS-11: any text: the envelope gives the text back, errors are typed and never show the password, commands written back parse the same")
    void parserContract(Gen gen) {
        String text = smsText(gen);

        SmsEnvelope envelope = CommandText.checkEnvelope(text);

        CommandText.checkCommands(text, null);
        if (envelope instanceof SmsEnvelope.Command command) {
            CommandText.checkCommands(command.body(), command.password());
        }
    }

    /** Every Latin-1 character, and the Unicode space separators, as the first character of a command. */
    static IntStream leadingCharacters() {
        return IntStream.concat(IntStream.rangeClosed(0, 0xFF),
                IntStream.of(0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
                        0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000));
    }

    @ParameterizedTest(name = "[{index}] code point {0}")
    @MethodSource("leadingCharacters")
    @DisplayName("SMS-11: a command after any leading character is dropped: white space and line breaks as LEADING_WHITESPACE, anything else as NOT_A_COMMAND")
    void everyLeadingCharacter(int c) {
        // Java's white space (TAB LF VT FF CR, the information separators 1C..1F, space) and the Unicode
        // space separators (Zs, Zl, Zp: NBSP and the rest)
        boolean space = c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || (c >= 0x1C && c <= 0x20)
                || c == 0xA0 || c > 0xFF;
        String text = Character.toString(c) + "cmd=ATR";

        SmsEnvelope envelope = SmsCommandParser.envelope(text);

        assertEquals(new SmsEnvelope.NotCommand(space ? DropReason.LEADING_WHITESPACE : DropReason.NOT_A_COMMAND), envelope);
        assertEquals(new SmsOutcome.Dropped(space ? DropReason.LEADING_WHITESPACE : DropReason.NOT_A_COMMAND),
                processor(TestConfigs.fresh(), new VirtualScheduler(), new PasswordThrottle(PasswordThrottle.Settings.DEFAULT))
                        .process("+3612345", text).toCompletableFuture().getNow(null));
    }

    /** Every letter-case spelling of the four special commands: 8 + 8 + 32 + 512. */
    static Stream<Arguments> specialSpellings() {
        List<Arguments> all = new ArrayList<>();
        List<SmsCommand> commands = List.of(new SmsCommand.FactoryReset(), new SmsCommand.Restart(),
                new SmsCommand.MeterRead(), new SmsCommand.CertReset());
        for (SmsCommand command : commands) {
            String word = CommandText.line(command).toLowerCase(java.util.Locale.ROOT);
            List<Integer> letters = IntStream.range(0, word.length()).filter(i -> Character.isLetter(word.charAt(i))).boxed().toList();
            for (int mask = 0; mask < 1 << letters.size(); mask++) {
                char[] spelled = word.toCharArray();
                for (int bit = 0; bit < letters.size(); bit++) {
                    if ((mask & 1 << bit) != 0) {
                        spelled[letters.get(bit)] = Character.toUpperCase(spelled[letters.get(bit)]);
                    }
                }
                all.add(Arguments.of(new String(spelled), command));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specialSpellings")
    @DisplayName("SMS-6..SMS-9: AT&F, ATR, mread and certreset are taken in every letter case, alone, and refused beside another command")
    void everySpecialSpelling(String spelled, SmsCommand expected) {
        assertEquals(new CommandList.Parsed(List.of(expected)), SmsCommandParser.commands("cmd=" + spelled));
        assertEquals(new CommandList.Parsed(List.of(expected)), SmsCommandParser.commands("cmd=" + spelled + "\\r\\n"));
        assertEquals(new CommandList.Invalid(2, CommandText.line(expected) + " must be the only command of its SMS"),
                SmsCommandParser.commands("cmd=?conn.apn_name\r\n" + spelled));
        assertEquals(new CommandList.Invalid(1, "unknown command"), SmsCommandParser.commands("cmd=" + spelled + " "));
    }
}
