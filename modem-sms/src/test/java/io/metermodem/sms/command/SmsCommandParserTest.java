package io.metermodem.sms.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsCommandParserTest {

    private static List<SmsCommand> parsed(String body) {
        return assertInstanceOf(CommandList.Parsed.class, SmsCommandParser.commands(body)).commands();
    }

    private static CommandList.Invalid invalid(String body) {
        return assertInstanceOf(CommandList.Invalid.class, SmsCommandParser.commands(body));
    }

    @Test
    @DisplayName("SMS-1: pw=<password>. prefix gives the password and the cmd= body")
    void passwordPrefix() {
        var c = assertInstanceOf(SmsEnvelope.Command.class, SmsCommandParser.envelope("pw=s3cret.cmd=?conn.apn_name"));
        assertEquals("s3cret", c.password());
        assertEquals("cmd=?conn.apn_name", c.body());
        assertTrue(!c.toString().contains("s3cret"), "toString hides the password");
    }

    @Test
    @DisplayName("SMS-1: a password may contain dots; it ends at the first .cmd=")
    void passwordWithDots() {
        var c = assertInstanceOf(SmsEnvelope.Command.class, SmsCommandParser.envelope("pw=a.b.c.cmd=ATR"));
        assertEquals("a.b.c", c.password());
        assertEquals("cmd=ATR", c.body());
    }

    @Test
    @DisplayName("SMS-1: without a password the SMS starts with cmd= and has no prefix")
    void noPrefix() {
        var c = assertInstanceOf(SmsEnvelope.Command.class, SmsCommandParser.envelope("cmd=ATR"));
        assertTrue(c.passwordPrefix().isEmpty());
    }

    @Test
    @DisplayName("SMS-1: pw= not followed by '.' and a command is no command")
    void prefixWithoutDot() {
        assertEquals(new SmsEnvelope.NotCommand(DropReason.MALFORMED_PASSWORD_PREFIX), SmsCommandParser.envelope("pw=secret cmd=ATR"));
        assertEquals(new SmsEnvelope.NotCommand(DropReason.MALFORMED_PASSWORD_PREFIX), SmsCommandParser.envelope("pw=secret"));
        assertEquals(new SmsEnvelope.NotCommand(DropReason.MALFORMED_PASSWORD_PREFIX), SmsCommandParser.envelope("pw= secret.ATR"));
    }

    @Test
    @DisplayName("SMS-11: ordinary messages (operator notices) are no commands")
    void ordinaryText() {
        assertEquals(new SmsEnvelope.NotCommand(DropReason.NOT_A_COMMAND), SmsCommandParser.envelope("Your balance is 5 EUR"));
        assertEquals(new SmsEnvelope.NotCommand(DropReason.NOT_A_COMMAND), SmsCommandParser.envelope("CMD=ATR"));
        assertEquals(new SmsEnvelope.NotCommand(DropReason.EMPTY), SmsCommandParser.envelope(""));
        assertEquals(new SmsEnvelope.NotCommand(DropReason.EMPTY), SmsCommandParser.envelope(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {" cmd=ATR", "\r\ncmd=ATR", "\ncmd=ATR", "\tcmd=ATR", "\u00a0cmd=ATR", " pw=x.cmd=ATR"})
    @DisplayName("SMS-11: no leading space or newline")
    void leadingWhitespace(String text) {
        assertEquals(new SmsEnvelope.NotCommand(DropReason.LEADING_WHITESPACE), SmsCommandParser.envelope(text));
    }

    @Test
    @DisplayName("SMS-11: 160 characters are taken, 161 are not")
    void lengthLimit() {
        String at160 = "cmd=conn.apn_name = " + "a".repeat(140);
        assertEquals(160, at160.length());
        assertEquals(new SmsEnvelope.Command(null, at160), SmsCommandParser.envelope(at160));
        assertEquals(new SmsEnvelope.NotCommand(DropReason.TOO_LONG), SmsCommandParser.envelope(at160 + "a"));
    }

    @Test
    @DisplayName("SMS-11: the limit counts characters, not UTF-16 units: 160 emoji are taken")
    void lengthInCodePoints() {
        String text = "cmd=?" + "\uD83D\uDE00".repeat(155);
        assertEquals(160, text.codePointCount(0, text.length()));
        assertEquals(new SmsEnvelope.Command(null, text), SmsCommandParser.envelope(text));
        assertEquals(new SmsEnvelope.NotCommand(DropReason.TOO_LONG), SmsCommandParser.envelope(text + "\uD83D\uDE00"));
    }

    @Test
    @DisplayName("SMS-3: cmd=<param> = <value> sets the parameter")
    void set() {
        assertEquals(List.of(new SmsCommand.Set("conn.apn_name", "net")), parsed("cmd=conn.apn_name = net"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cmd=conn.apn_name=net", "cmd=conn.apn_name =net", "cmd=conn.apn_name= net"})
    @DisplayName("SMS-3: without a space on both sides of '=' the command is not taken")
    void missingSpaces(String body) {
        assertEquals("a space is required on both sides of '='", invalid(body).reason());
    }

    @Test
    @DisplayName("SMS-3: the value is taken exactly, with inner spaces and '=' signs")
    void valueExact() {
        assertEquals(List.of(new SmsCommand.Set("conn.apn_user", "a = b c")), parsed("cmd=conn.apn_user = a = b c"));
    }

    @Test
    @DisplayName("SMS-2: cmd=csd.password = (nothing after) gives the empty value")
    void emptyValue() {
        assertEquals(List.of(new SmsCommand.Set("csd.password", "")), parsed("cmd=csd.password ="));
        assertEquals(List.of(new SmsCommand.Set("csd.password", "")), parsed("cmd=csd.password = "));
    }

    @Test
    @DisplayName("SMS-4: \\r\\n as four characters separates commands; sets and queries mix")
    void literalSeparator() {
        assertEquals(List.of(new SmsCommand.Set("conn.apn_name", "name"), new SmsCommand.Set("conn.apn_user", "user"),
                        new SmsCommand.Query("conn.apn_pass")),
                parsed("cmd=conn.apn_name = name\\r\\nconn.apn_user = user\\r\\n?conn.apn_pass"));
    }

    @Test
    @DisplayName("SMS-4: a real CR LF (and a phone's bare LF) separates commands too; a trailing separator is allowed")
    void realSeparators() {
        List<SmsCommand> expected = List.of(new SmsCommand.Query("conn.apn_name"), new SmsCommand.Query("conn.apn_user"),
                new SmsCommand.Query("conn.apn_pass"));
        assertEquals(expected, parsed("cmd=?conn.apn_name\r\n?conn.apn_user\n?conn.apn_pass\r\n"));
        assertEquals(expected, parsed("cmd=?conn.apn_name\\r\\n?conn.apn_user\\r\\ncmd=?conn.apn_pass\\r\\n"));
    }

    @Test
    @DisplayName("SMS-4: an empty command between separators is an error")
    void emptyLine() {
        assertEquals(2, invalid("cmd=?conn.apn_name\r\n\r\n?conn.apn_user").line());
    }

    @Test
    @DisplayName("SMS-5: cmd=?<param> queries; a query takes no value")
    void query() {
        assertEquals(List.of(new SmsCommand.Query("conn.apn_name")), parsed("cmd=?conn.apn_name"));
        assertEquals("a query (?) takes no value", invalid("cmd=?conn.apn_pass = pass").reason());
    }

    @Test
    @DisplayName("SMS-6..SMS-9: AT&F, ATR, mread, certreset, in any letter case, alone")
    void specials() {
        assertEquals(List.of(new SmsCommand.FactoryReset()), parsed("cmd=AT&F"));
        assertEquals(List.of(new SmsCommand.Restart()), parsed("cmd=ATR"));
        assertEquals(List.of(new SmsCommand.MeterRead()), parsed("cmd=mread"));
        assertEquals(List.of(new SmsCommand.CertReset()), parsed("cmd=certreset"));
        assertEquals(List.of(new SmsCommand.Restart()), parsed("cmd=atr"));
        assertEquals("ATR must be the only command of its SMS", invalid("cmd=?conn.apn_name\\r\\nATR").reason());
    }

    @Test
    @DisplayName("SMS-3: unknown words and malformed names are errors naming the line")
    void unknown() {
        assertEquals("unknown command", invalid("cmd=reboot").reason());
        assertEquals("not a parameter name (group.name, lower case)", invalid("cmd=Conn.APN = x").reason());
        assertEquals(2, invalid("cmd=?conn.apn_name\\r\\nfoo").line());
        assertEquals("the command must start with cmd=", invalid("cmd ATR").reason());
    }

    @Test
    @DisplayName("SMS-3: Set never shows its value in toString")
    void setToString() {
        assertTrue(!new SmsCommand.Set("csd.password", "topsecret").toString().contains("topsecret"));
    }
}
