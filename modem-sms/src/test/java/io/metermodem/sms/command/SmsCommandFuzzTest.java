package io.metermodem.sms.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ConfigurationService;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.sms.TestConfigs;
import io.metermodem.sms.mread.MeterRegisterReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SmsCommandFuzzTest {

    private static final List<String> TOKENS = List.of("cmd=", "cmd=", "pw=s3cret.", "pw=wrong.", "pw=", ".", "?",
            "conn.apn_name", "conn.apn_user", "conn.apn_pass", "csd.password", "wd.ping_retries", "amm.last_gasp",
            "sim.pin", " = ", " =", "= ", "=", " ", "\\r\\n", "\r\n", "\n", "\r", "AT&F", "ATR", "mread", "certreset",
            "99", "3", "net", "x".repeat(40), "\u00e9", "\u0000", "\uD83D\uDE00", "\uD800", "\t");

    @Provide
    Arbitrary<String> smsTexts() {
        Arbitrary<String> grammar = Arbitraries.of(TOKENS).list().ofMaxSize(60).map(l -> String.join("", l));
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(400);
        Arbitrary<String> asciiText = Arbitraries.strings().ascii().ofMaxLength(200);
        Arbitrary<String> prefixed = Combinators.combine(Arbitraries.of("cmd=", "pw=s3cret.cmd="), asciiText)
                .as((p, t) -> p + t);
        return Arbitraries.oneOf(grammar, grammar, anyText, prefixed);
    }

    @Property(tries = 600)
    @Label("SMS-1..SMS-11: any text up to and beyond 160 characters: no exception, bounded reply, a rejected SMS leaves the store byte-identical")
    void anyTextIsSafe(@ForAll("smsTexts") String text, @ForAll boolean passwordSet,
                       @ForAll("senders") String sender) {
        MockFlash flash = new MockFlash();
        ConfigurationService config = TestConfigs.open(flash);
        if (passwordSet) {
            TestConfigs.withPassword(config, "s3cret");
        }
        VirtualScheduler clock = new VirtualScheduler();
        SmsCommandProcessor processor = new SmsCommandProcessor(config, clock,
                new PasswordThrottle(PasswordThrottle.Settings.DEFAULT), MeterRegisterReader.NONE);
        byte[] before = flash.snapshot();

        SmsOutcome outcome = processor.process(sender, text).toCompletableFuture().getNow(null);

        assertNotNull(outcome, "completed at once");
        boolean rejected = switch (outcome) {
            case SmsOutcome.Dropped d -> true;
            case SmsOutcome.Reply r -> {
                assertTrue(r.text().length() <= OutgoingSms.MAX_TEXT_LENGTH);
                assertTrue(!r.text().contains("s3cret"), "the password is never echoed");
                yield r.text().startsWith(SmsReplies.NOT_PROCESSED) || r.text().contains("result: -")
                        || r.text().startsWith(SmsReplies.MREAD_FAILED) || r.text().startsWith(SmsReplies.RESTART)
                        || !r.text().contains("result:");
            }
        };
        if (rejected) {
            assertArrayEquals(before, flash.snapshot(), "a rejected or read-only SMS writes nothing");
        }
        if (text != null && text.codePointCount(0, text.length()) > SmsCommandParser.MAX_SMS_CHARS) {
            assertEquals(new SmsOutcome.Dropped(DropReason.TOO_LONG), outcome);
        }
        // whatever happened, the store holds exactly the configuration in force
        assertEquals(config.current(), TestConfigs.open(flash).current());
    }

    @Provide
    Arbitrary<String> senders() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20).map(s -> "+" + s);
    }

    @Property(tries = 200)
    @Label("SMS-1: any text against a password-protected modem never changes the store unless it carries the password")
    void withoutPasswordNothingChanges(@ForAll("smsTexts") String text) {
        MockFlash flash = new MockFlash();
        ConfigurationService config = TestConfigs.withPassword(TestConfigs.open(flash), "s3cret");
        SmsCommandProcessor processor = new SmsCommandProcessor(config, new VirtualScheduler(),
                new PasswordThrottle(PasswordThrottle.Settings.DEFAULT), MeterRegisterReader.NONE);
        byte[] before = flash.snapshot();
        SmsOutcome outcome = processor.process("+3612345", text).toCompletableFuture().getNow(null);
        if (text.startsWith("pw=s3cret.")) {
            return; // authenticated: may legitimately change the configuration
        }
        assertTrue(outcome instanceof SmsOutcome.Dropped, () -> "answered without password: " + outcome);
        assertArrayEquals(before, flash.snapshot());
    }

    @Property(tries = 50)
    @Label("SMS-1: any number of wrong passwords from any senders keeps the throttle's memory bounded")
    void throttleBounded(@ForAll("senderLists") List<String> senders) {
        ConfigurationService config = TestConfigs.withPassword(TestConfigs.fresh(), "s3cret");
        VirtualScheduler clock = new VirtualScheduler();
        PasswordThrottle throttle = new PasswordThrottle(PasswordThrottle.Settings.DEFAULT);
        SmsCommandProcessor processor = new SmsCommandProcessor(config, clock, throttle, MeterRegisterReader.NONE);
        for (String sender : senders) {
            processor.process(sender, "pw=guess.cmd=ATR");
            clock.advance(java.time.Duration.ofSeconds(7));
            assertTrue(throttle.trackedSenders() <= PasswordThrottle.Settings.DEFAULT.maxSenders());
        }
    }

    @Provide
    Arbitrary<List<String>> senderLists() {
        return senders().list().ofMinSize(1).ofMaxSize(300);
    }

    @Provide
    Arbitrary<SmsCommand> parameterCommands() {
        Arbitrary<String> names = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().withCharRange('a', 'z').withChars('_', '0', '9').ofMinLength(0).ofMaxLength(10))
                .as((g, n) -> g + "." + "p" + n);
        Arbitrary<String> values = Arbitraries.strings().alpha().numeric().withChars(' ', '.', '-', '=', '?')
                .ofMaxLength(20);
        Arbitrary<SmsCommand> sets = Combinators.combine(names, values).as(SmsCommand.Set::new);
        Arbitrary<SmsCommand> queries = names.map(SmsCommand.Query::new);
        return Arbitraries.oneOf(sets, queries);
    }

    @Property(tries = 500)
    @Label("SMS-4: any sets and queries joined by any mix of the separators (four characters, CR LF, LF) parse back to the same commands")
    void separatorsRoundTrip(@ForAll("commandLists") List<SmsCommand> commands, @ForAll("separatorLists") List<String> separators,
                             @ForAll boolean trailing, @ForAll boolean repeatCmd) {
        StringBuilder body = new StringBuilder("cmd=");
        for (int i = 0; i < commands.size(); i++) {
            if (i > 0) {
                body.append(separators.get(i % separators.size()));
                if (repeatCmd) {
                    body.append("cmd=");
                }
            }
            body.append(switch (commands.get(i)) {
                case SmsCommand.Set(String name, String value) -> name + " = " + value;
                case SmsCommand.Query(String name) -> "?" + name;
                default -> throw new IllegalStateException();
            });
        }
        if (trailing) {
            body.append(separators.getFirst());
        }
        CommandList parsed = SmsCommandParser.commands(body.toString());
        assertEquals(new CommandList.Parsed(commands), parsed, body::toString);
    }

    @Provide
    Arbitrary<List<SmsCommand>> commandLists() {
        return parameterCommands().list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<String>> separatorLists() {
        return Arbitraries.of("\\r\\n", "\r\n", "\n").list().ofMinSize(1).ofMaxSize(4);
    }
}
