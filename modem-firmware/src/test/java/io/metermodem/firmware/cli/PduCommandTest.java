package io.metermodem.firmware.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./modem pdu decode|encode} (SMS-13). */
class PduCommandTest {

    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = ModemCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    @DisplayName("SMS-13: pdu decode prints the fields of the SMS-DELIVER vector of docs/protocols.md")
    void decodePrintsFields() {
        int code = run("pdu", "decode", "07914151551512f2040B916105551511f100006060605130308A04D4F29C0E");

        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("type:         SMS-DELIVER"), text);
        assertTrue(text.contains("smsc:         +14155551212 (international, type 91)"), text);
        assertTrue(text.contains("originator:   +16505551111"), text);
        assertTrue(text.contains("time stamp:   2006-06-06T15:03:03-07:00"), text);
        assertTrue(text.contains("flags:        (none)"), text);
        assertTrue(text.contains("text:         Test"), text);
    }

    @Test
    @DisplayName("SMS-13: pdu decode of a malformed PDU prints the field and octet, exit code 1")
    void decodeMalformed() {
        int code = run("pdu", "decode", "0011000B9164072815");

        assertEquals(1, code);
        assertEquals("", out.toString());
        assertTrue(err.toString().startsWith("malformed PDU: ADDRESS at octet 5:"), err.toString());
    }

    @Test
    @DisplayName("SMS-13: pdu encode prints each part's AT+CMGS length and hex")
    void encodePrintsParts() {
        assertEquals(0, run("pdu", "encode", "--to", "+46708251358", "hellohello"));
        assertEquals("part 1/1: AT+CMGS=22\n0001000B916407281553F800000AE8329BFD4697D9EC37\n", out.toString().replace("\r\n", "\n"));

        assertEquals(0, run("pdu", "encode", "--to", "+46708251358", "--ref", "7", "x".repeat(200)));
        String text = out.toString();
        assertTrue(text.contains("part 1/2: AT+CMGS=153\n0041000B916407281553F80000A0050003070201"), text);
        assertTrue(text.contains("part 2/2: AT+CMGS="), text);
    }

    @Test
    @DisplayName("SMS-13: pdu encode refuses a bad number with exit code 1; pdu --help lists decode and encode")
    void encodeErrorsAndHelp() {
        assertEquals(1, run("pdu", "encode", "--to", "+49abc!", "hi"));
        assertTrue(err.toString().startsWith("cannot encode:"), err.toString());

        assertEquals(0, run("pdu", "--help"));
        assertTrue(out.toString().contains("decode") && out.toString().contains("encode"), out.toString());
        assertEquals(0, run("pdu", "encode", "--help"));
        assertTrue(out.toString().contains("--to=NUMBER"), out.toString());
    }
}
