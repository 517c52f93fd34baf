package io.metermodem.cellular.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AtClientCoreProperties {

    /** Answer to AT+CMGS with URCs, a multi-line URC and a prompt in it. */
    private static final String SMS_TRANSCRIPT = "AT+CMGS=23\r\r\n+CREG: 1,\"1A2B\",\"01C3D4E5\",7\r\n> "
            + "\r\n+CMT: ,24\r\n07914151551512F2040B9161\r\n\r\n+CMGS: 17\r\n\r\nRING\r\n\r\nOK\r\n"
            + "\r\n+CMTI: \"SM\",4\r\n";
    /** Answer to ATA, data with decoys of NO CARRIER, the real one, a URC after it. */
    private static final String CALL_TRANSCRIPT = "\r\nCONNECT 9600\r\n\r\n/ISk5\r\nNO CARRY\r\r\nNO CARRIER!"
            + "\r\n\r\nNO CARRIER\r\n\r\n+CMTI: \"SM\",1\r\n";

    private static List<String> run(AtCommand command, byte[] input, List<Integer> cuts) {
        AtClientCore core = new AtClientCore(AtClientSettings.DEFAULTS, UrcTable.STANDARD);
        core.submit(command, 0);
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int from = 0;
        List<Integer> points = new ArrayList<>(cuts.stream().map(c -> Math.min(c, input.length)).sorted().toList());
        points.add(input.length);
        for (int to : points) {
            core.receive(input, from, to - from, 0);
            from = to;
            AtEvent e;
            while ((e = core.poll()) != null) {
                if (e instanceof AtEvent.Data d) {
                    data.writeBytes(d.bytes());
                    continue;
                }
                if (data.size() > 0) {
                    out.add("data " + data.toString(StandardCharsets.ISO_8859_1));
                    data.reset();
                }
                out.add(describe(e));
            }
        }
        if (data.size() > 0) {
            out.add("data " + data.toString(StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private static String describe(AtEvent e) {
        if (e instanceof AtEvent.Transmit t) {
            return "tx " + HexFormat.of().formatHex(t.bytes());
        }
        return e.toString();
    }

    @Property(tries = 300)
    @Label("HAL-7: the AT client gives the same events however the SMS answer is split (URCs, +CMT, prompt, +CMGS)")
    void smsAnswerSplitAnywhere(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 200) Integer> cuts) {
        byte[] input = SMS_TRANSCRIPT.getBytes(StandardCharsets.ISO_8859_1);
        AtCommand cmgs = AtCommand.withPrompt("AT+CMGS=23", "0011000B916407281553F80000AA0AE8329BFD4697D9EC37");
        List<String> whole = run(cmgs, input, List.of());
        assertEquals(whole, run(cmgs, input, cuts));
        assertTrue(whole.stream().anyMatch(s -> s.contains("+CMGS: 17")), whole.toString());
    }

    @Property(tries = 300)
    @Label("HAL-7: the AT client gives the same data and the same end of the call however the data is split")
    void callSplitAnywhere(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 120) Integer> cuts) {
        byte[] input = CALL_TRANSCRIPT.getBytes(StandardCharsets.ISO_8859_1);
        List<String> whole = run(AtCommand.of("ATA"), input, List.of());
        assertEquals(whole, run(AtCommand.of("ATA"), input, cuts));
        assertTrue(whole.contains("data \r\n/ISk5\r\nNO CARRY\r\r\nNO CARRIER!\r\n"), whole.toString());
        assertTrue(whole.contains("DataModeEnded[]"), whole.toString());
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> tokens = Arbitraries.of("\r", "\n", "OK", "ERROR", "> ", "+CMT: ,3", "CONNECT", "RING",
                        "\r\nNO CARRIER\r\n", "+CME ERROR: ", "040", "+CREG: ", "\u001A", "x".repeat(300))
                .list().ofMaxSize(200).map(l -> String.join("", l).getBytes(StandardCharsets.ISO_8859_1));
        return Arbitraries.oneOf(random, tokens);
    }

    @Property(tries = 300)
    @Label("HAL-7: fuzz: no exception escapes the AT client and what it holds stays bounded, whatever bytes and timing")
    void fuzz(@ForAll("noise") byte[] input, @ForAll @IntRange(min = 1, max = 64) int chunk,
              @ForAll @IntRange(min = 0, max = 3000) int stepMillis) {
        AtClientSettings settings = AtClientSettings.DEFAULTS.withMaxLineLength(64);
        AtClientCore core = new AtClientCore(settings, UrcTable.STANDARD);
        long now = 0;
        int commands = 0;
        int bound = settings.maxLineLength() * (AtClientCore.MAX_RESPONSE_LINES + 6) + 64;
        for (int i = 0; i < input.length; i += chunk) {
            if (core.isReady()) {
                core.submit(commands++ % 3 == 0 ? AtCommand.withPrompt("AT+CMGS=5", "00AABBCCDDEE")
                        : AtCommand.of("AT+CSQ"), now);
            }
            core.receive(input, i, Math.min(chunk, input.length - i), now);
            now += stepMillis * 1_000_000L;
            core.advanceTime(now);
            while (core.poll() != null) {
                // drain
            }
            assertTrue(core.bufferedBytes() <= bound, "held " + core.bufferedBytes());
        }
    }
}
