package io.metermodem.sms.command;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz of the parser of the SMS command language, {@code pw=<password>.cmd=...}
 * (SMS-1, SMS-3..SMS-11). Both stages are total: any text gives an envelope or a {@link DropReason},
 * and any body gives commands or a {@link CommandList.Invalid} whose reason comes from the parser's
 * fixed words, so it never shows the password or a value; a command's prefix and body are the text;
 * what parses, written back in the manual's form with any separator, parses to the same commands
 * ({@link CommandText}).
 *
 * <p>The input is the SMS text in UTF-8; an input that starts with octet 00 is instead read as raw
 * UTF-16 code units (big-endian) after it, so lone surrogates reach the parser too. The committed
 * seeds ({@code SmsCommandFuzzTestInputs/parse/}) are the manual's example commands and the rejected
 * kinds; without {@code -Pfuzz} they replay as regression tests.
 */
class SmsCommandFuzzTest {

    // The dictionary is in libFuzzer's syntax: a backslash is written \\, other octets may be \xNN.
    @FuzzTest
    @DictionaryEntries({"pw=", "cmd=", ".cmd=", "\\\\r\\\\n", "\\x0D\\x0A", "\\x0A", " = ", " =", "?", "AT&F",
        "ATR", "mread", "certreset", "conn.apn_name", "csd.password", "\\xF0\\x9F\\x98\\x80"})
    void parse(byte[] input) {
        String text = text(input);

        SmsEnvelope envelope = CommandText.checkEnvelope(text);

        CommandText.checkCommands(text, null);
        if (envelope instanceof SmsEnvelope.Command command) {
            CommandText.checkCommands(command.body(), command.password());
        }
    }

    private static String text(byte[] input) {
        if (input.length == 0 || input[0] != 0) {
            return new String(input, StandardCharsets.UTF_8);
        }
        char[] units = new char[(input.length - 1) / 2];
        for (int i = 0; i < units.length; i++) {
            units[i] = (char) ((input[1 + 2 * i] & 0xFF) << 8 | input[2 + 2 * i] & 0xFF);
        }
        return new String(units);
    }
}
