package io.metermodem.sms.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ConfigurationService;
import io.metermodem.config.Transaction;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.sms.TestConfigs;
import io.metermodem.sms.mread.MeterReadException;
import io.metermodem.sms.mread.MeterRegisterReader;
import io.metermodem.sms.mread.MeterRegisters;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmsCommandProcessorTest {

    private static final String OPERATOR = "+36301234567";
    private final VirtualScheduler clock = new VirtualScheduler();
    private final MockFlash flash = new MockFlash();
    private final ConfigurationService config = TestConfigs.open(flash);
    private MeterRegisterReader meter = MeterRegisterReader.NONE;

    private SmsCommandProcessor processor() {
        return new SmsCommandProcessor(config, clock, new PasswordThrottle(PasswordThrottle.Settings.DEFAULT), () -> meter.read());
    }

    private final SmsCommandProcessor processor = processor();

    private SmsOutcome process(String text) {
        return processor.process(OPERATOR, text).toCompletableFuture().getNow(null);
    }

    private String reply(String text) {
        return assertInstanceOf(SmsOutcome.Reply.class, process(text)).text();
    }

    private DropReason dropped(String text) {
        return assertInstanceOf(SmsOutcome.Dropped.class, process(text)).reason();
    }

    @Test
    @DisplayName("SMS-3, SMS-10: a set is committed and answered 'Configuration structure changed result: 0'")
    void setCommitted() {
        assertEquals("Configuration structure changed result: 0", reply("cmd=conn.apn_name = net"));
        assertEquals("net", config.current().text("conn.apn_name"));
    }

    @Test
    @DisplayName("SMS-3: 'name=value' without spaces is not taken; the configuration is unchanged")
    void setWithoutSpaces() {
        byte[] before = flash.snapshot();
        assertEquals("Command not processed: line 1: a space is required on both sides of '='",
                reply("cmd=conn.apn_name=net"));
        assertEquals("", config.current().text("conn.apn_name"));
        assertArrayEquals(before, flash.snapshot());
    }

    @Test
    @DisplayName("SMS-1: with a CSD password set, the right pw= prefix is processed")
    void rightPassword() {
        TestConfigs.withPassword(config, "s3cret");
        assertEquals("Configuration structure changed result: 0", reply("pw=s3cret.cmd=conn.apn_name = net"));
        assertEquals("net", config.current().text("conn.apn_name"));
    }

    @Test
    @DisplayName("SMS-1: with a CSD password set, a missing or wrong password is dropped without reply or change")
    void wrongOrMissingPassword() {
        TestConfigs.withPassword(config, "s3cret");
        byte[] before = flash.snapshot();
        assertEquals(DropReason.PASSWORD_WRONG, dropped("pw=guess.cmd=conn.apn_name = net"));
        assertEquals(DropReason.PASSWORD_MISSING, dropped("cmd=conn.apn_name = net"));
        assertEquals(DropReason.PASSWORD_WRONG, dropped("pw=.cmd=conn.apn_name = net"));
        assertEquals(DropReason.MALFORMED_PASSWORD_PREFIX, dropped("pw=s3cret cmd=conn.apn_name = net"));
        assertEquals(DropReason.PASSWORD_WRONG, dropped("pw=S3CRET.cmd=conn.apn_name = net"));
        assertArrayEquals(before, flash.snapshot());
    }

    @Test
    @DisplayName("SMS-1: without a CSD password no prefix is needed, and a prefix is ignored")
    void noPasswordSet() {
        assertEquals("Configuration structure changed result: 0", reply("cmd=conn.apn_name = a"));
        assertEquals("Configuration structure changed result: 0", reply("pw=anything.cmd=conn.apn_name = b"));
        assertEquals("b", config.current().text("conn.apn_name"));
    }

    @Test
    @DisplayName("SMS-1, SMS-2: after changing the password by SMS only the new one works")
    void changePassword() {
        TestConfigs.withPassword(config, "old");
        assertEquals("Configuration structure changed result: 0", reply("pw=old.cmd=csd.password = new_password"));
        assertEquals(DropReason.PASSWORD_WRONG, dropped("pw=old.cmd=?conn.apn_name"));
        assertEquals("conn.apn_name = \r\n", reply("pw=new_password.cmd=?conn.apn_name"));
    }

    @Test
    @DisplayName("SMS-2: cmd=csd.password = <pw> sets it as a PBKDF2 hash; 31 characters are the most")
    void passwordLength() {
        assertEquals("Configuration structure changed result: 0", reply("cmd=csd.password = " + "p".repeat(31)));
        assertTrue(config.current().passwordMatches("csd.password", "p".repeat(31)));
        assertTrue(config.current().values().get("csd.password").startsWith("pbkdf2-sha256$"));
        String tooLong = reply("pw=" + "p".repeat(31) + ".cmd=csd.password = " + "q".repeat(32));
        assertTrue(tooLong.startsWith("Configuration structure changed result: -2\r\ncsd.password: "), tooLong);
        assertFalse(tooLong.contains("qqqq"), "the refused password is not echoed");
        assertTrue(config.current().passwordMatches("csd.password", "p".repeat(31)));
    }

    @Test
    @DisplayName("SMS-2: cmd=csd.password = (empty) clears the password; then SMS need no prefix")
    void clearPassword() {
        TestConfigs.withPassword(config, "s3cret");
        assertEquals("Configuration structure changed result: 0", reply("pw=s3cret.cmd=csd.password ="));
        assertFalse(config.current().isPasswordSet("csd.password"));
        assertEquals("Configuration structure changed result: 0", reply("cmd=conn.apn_name = open"));
    }

    @Test
    @DisplayName("SMS-4: several sets in one SMS are one transaction: all committed together")
    void severalSets() {
        assertEquals("Configuration structure changed result: 0",
                reply("cmd=conn.apn_name = name\\r\\nconn.apn_user = user"));
        assertEquals("name", config.current().text("conn.apn_name"));
        assertEquals("user", config.current().text("conn.apn_user"));
    }

    @Test
    @DisplayName("SMS-4, SMS-10: one bad value refuses the whole SMS (-2), the store stays byte-identical")
    void allOrNothing() {
        byte[] before = flash.snapshot();
        String r = reply("cmd=conn.apn_name = name\r\nwd.ping_retries = 99");
        assertTrue(r.startsWith("Configuration structure changed result: -2\r\nwd.ping_retries: "), r);
        assertEquals("", config.current().text("conn.apn_name"));
        assertArrayEquals(before, flash.snapshot());
    }

    @Test
    @DisplayName("SMS-4, SMS-5: sets and queries mixed; queries show the values after the sets, then the result line")
    void mixed() {
        assertEquals("conn.apn_name = wm2m\r\nconn.apn_user = user\r\nConfiguration structure changed result: 0",
                reply("cmd=?conn.apn_name\r\nconn.apn_name = wm2m\\r\\nconn.apn_user = user\\r\\n?conn.apn_user"));
    }

    @Test
    @DisplayName("SMS-5: queries answer '<param> = <value>' + CR LF per line, in order")
    void queries() {
        config.apply(Transaction.builder().set("conn.apn_name", "wm2m").set("conn.apn_user", "username").build());
        assertEquals("conn.apn_name = wm2m\r\nconn.apn_user = username\r\nm2m.transparent_port = 9000\r\n",
                reply("cmd=?conn.apn_name\\r\\n?conn.apn_user\\r\\n?m2m.transparent_port"));
    }

    @Test
    @DisplayName("SMS-5: a query of an unknown parameter says so on its line")
    void unknownQuery() {
        assertEquals("?conn.nothing: unknown parameter\r\n", reply("cmd=?conn.nothing"));
    }

    @Test
    @DisplayName("SMS-5: secrets are never echoed: a set secret reads as ********, an unset one as empty")
    void secretsMasked() {
        config.apply(Transaction.builder().set("conn.apn_pass", "apnsecret").set("sim.pin", "1234").build());
        TestConfigs.withPassword(config, "csdsecret");
        String r = reply("pw=csdsecret.cmd=?conn.apn_pass\\r\\n?sim.pin\\r\\n?csd.password\\r\\n?sec.comm_password");
        assertEquals("conn.apn_pass = ********\r\nsim.pin = ********\r\ncsd.password = ********\r\nsec.comm_password = \r\n", r);
        assertFalse(r.contains("apnsecret") || r.contains("1234") || r.contains("pbkdf2"));
    }

    @Test
    @DisplayName("SMS-10: a set that changes nothing answers 0 and writes nothing")
    void unchanged() {
        byte[] before = flash.snapshot();
        assertEquals("Configuration structure changed result: 0", reply("cmd=m2m.transparent_port = 9000"));
        assertArrayEquals(before, flash.snapshot());
    }

    @Test
    @DisplayName("SMS-10: a flash copy that differs from RAM answers -1 and changes nothing")
    void flashMismatch() {
        reply("cmd=conn.apn_name = first");
        // another writer (or decay) changes the flash behind the service's back
        ConfigurationService other = TestConfigs.open(flash);
        other.apply(Transaction.builder().set("conn.apn_name", "other").build());
        assertEquals("Configuration structure changed result: -1", reply("cmd=conn.apn_name = second"));
        assertEquals("first", config.current().text("conn.apn_name"));
    }

    @Test
    @DisplayName("SMS-6: cmd=AT&F resets the configuration: 'Configuration structure reset result: 0'")
    void factoryReset() {
        TestConfigs.withPassword(config, "pw1");
        reply("pw=pw1.cmd=conn.apn_name = net");
        assertEquals("Configuration structure reset result: 0", reply("pw=pw1.cmd=AT&F"));
        assertEquals(TestConfigs.REGISTRY.defaults(), config.current());
        assertFalse(config.current().isPasswordSet("csd.password"));
    }

    @Test
    @DisplayName("SMS-7: cmd=ATR answers 'Device reset requested after SMS answer' and asks for a restart after it")
    void restart() {
        SmsOutcome.Reply r = assertInstanceOf(SmsOutcome.Reply.class, process("cmd=ATR"));
        assertEquals("Device reset requested after SMS answer", r.text());
        assertTrue(r.restartAfterReply());
        assertFalse(assertInstanceOf(SmsOutcome.Reply.class, process("cmd=?conn.apn_name")).restartAfterReply());
    }

    @Test
    @DisplayName("SMS-9: cmd=certreset sets the eight TLS parameters to 0; reply as SMS-6")
    void certReset() {
        config.apply(Transaction.builder().set("dm.tls_enable", "1").set("dm.cert", "3").set("dm.ca_cert", "4")
                .set("dm.verify", "1").set("tm.tls_enable", "1").set("tm.cert", "5").set("tm.ca_cert", "6")
                .set("tm.verify", "1").build());
        assertEquals("Configuration structure reset result: 0", reply("cmd=certreset"));
        for (String name : Transaction.CERT_RESET_PARAMETERS) {
            assertEquals(0, config.current().intValue(name), name);
        }
    }

    @Test
    @DisplayName("SMS-8: cmd=mread answers '(<C.1.0>)\\r\\n<0.9.2>\\r\\n<0.9.1>\\r\\n'")
    void meterRead() {
        meter = () -> CompletableFuture.completedFuture(new MeterRegisters("12345678", "26-11-24", "01:32:14"));
        assertEquals("(12345678)\r\n26-11-24\r\n01:32:14\r\n", reply("cmd=mread"));
    }

    @Test
    @DisplayName("SMS-8: a failed mread answers 'mread failed: <why>'")
    void meterReadFails() {
        assertEquals("mread failed: no meter", reply("cmd=mread"));
        meter = () -> CompletableFuture.failedFuture(new MeterReadException(MeterReadException.Kind.BUSY, "x"));
        assertEquals("mread failed: meter busy", reply("cmd=mread"));
        meter = () -> {
            throw new IllegalStateException("bug");
        };
        assertEquals("mread failed: internal error", reply("cmd=mread"));
    }

    @Test
    @DisplayName("SMS-11: too long, leading white space and ordinary texts are dropped without reply")
    void silentDrops() {
        assertEquals(DropReason.TOO_LONG, dropped("cmd=conn.apn_name = " + "a".repeat(141)));
        assertEquals(DropReason.LEADING_WHITESPACE, dropped(" cmd=conn.apn_name = a"));
        assertEquals(DropReason.LEADING_WHITESPACE, dropped("\ncmd=conn.apn_name = a"));
        assertEquals(DropReason.NOT_A_COMMAND, dropped("Hello"));
        assertEquals("", config.current().text("conn.apn_name"));
    }

    @Test
    @DisplayName("SMS-1: repeated wrong passwords lock the sender out, even for the right password, until the lockout ends")
    void throttled() {
        TestConfigs.withPassword(config, "s3cret");
        for (int i = 0; i < 3; i++) {
            assertEquals(DropReason.PASSWORD_WRONG, dropped("pw=guess" + i + ".cmd=ATR"));
        }
        assertEquals(DropReason.THROTTLED, dropped("pw=s3cret.cmd=ATR"));
        clock.advance(PasswordThrottle.Settings.DEFAULT.senderLockout());
        assertEquals("Device reset requested after SMS answer", reply("pw=s3cret.cmd=ATR"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "EMPTY|''",
        "LEADING_WHITESPACE|' pw=s3cret.cmd=ATR'",
        "NOT_A_COMMAND|'Your balance is low'",
        "MALFORMED_PASSWORD_PREFIX|'pw=s3cret'",
        "PASSWORD_MISSING|'cmd=ATR'",
        "PASSWORD_WRONG|'pw=nope.cmd=ATR'"})
    @DisplayName("SMS-1, SMS-11: every row of the README's rejected-SMS table is dropped silently with its reason")
    void rejectedTable(DropReason expected, String text) {
        TestConfigs.withPassword(config, "s3cret");
        byte[] before = flash.snapshot();
        assertEquals(expected, dropped(text));
        assertArrayEquals(before, flash.snapshot());
    }

    @Test
    @DisplayName("SMS-11: the README's TOO_LONG and THROTTLED rows, with a password set")
    void rejectedTableLongAndThrottled() {
        TestConfigs.withPassword(config, "s3cret");
        assertEquals(DropReason.TOO_LONG, dropped("pw=s3cret.cmd=conn.apn_name = " + "a".repeat(140)));
        SmsCommandProcessor other = new SmsCommandProcessor(config, clock, new PasswordThrottle(
                new PasswordThrottle.Settings(1, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(1), 100,
                        java.time.Duration.ofMinutes(1), 4)), MeterRegisterReader.NONE);
        assertEquals(new SmsOutcome.Dropped(DropReason.PASSWORD_WRONG),
                other.process(OPERATOR, "pw=x.cmd=ATR").toCompletableFuture().getNow(null));
        assertEquals(new SmsOutcome.Dropped(DropReason.THROTTLED),
                other.process(OPERATOR, "pw=s3cret.cmd=ATR").toCompletableFuture().getNow(null));
    }

    @Test
    @DisplayName("SMS-1: an internal failure (a registry without csd.password) drops the SMS; no exception escapes")
    void internalError() {
        var registry = io.metermodem.config.ParameterRegistry.of(java.util.List.of(new io.metermodem.config.Parameter(
                "conn.apn_name", io.metermodem.config.ParameterGroup.APN, new io.metermodem.config.ParameterType.IntegerRange(0, 9),
                "0", "test", false)), java.util.List.of());
        ConfigurationService odd = ConfigurationService.open(registry, new io.metermodem.config.store.ConfigurationStore(
                new MockFlash(), io.metermodem.config.crypto.AtRestCipher.none()));
        SmsCommandProcessor p = new SmsCommandProcessor(odd, clock, new PasswordThrottle(PasswordThrottle.Settings.DEFAULT),
                MeterRegisterReader.NONE);
        assertEquals(new SmsOutcome.Dropped(DropReason.INTERNAL_ERROR),
                p.process(OPERATOR, "cmd=?conn.apn_name").toCompletableFuture().getNow(null));
    }
}
