package io.metermodem.benchmarks;

import io.metermodem.sms.pdu.EncodedPart;
import io.metermodem.sms.pdu.MalformedPduException;
import io.metermodem.sms.pdu.Sms;
import io.metermodem.sms.pdu.SmsPdu;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the SMS PDU codec (SMS-13), in operations per second:
 * <ul>
 *   <li>{@code encode}: a text to a number, split and encoded into the PDUs for {@code AT+CMGS};</li>
 *   <li>{@code decode}: the first of those PDUs, hex to a typed message.</li>
 * </ul>
 * Texts: {@code gsm} 160 characters of the GSM alphabet (one PDU), {@code gsm-long} 600 characters with
 * € (four parts), {@code ucs2} 70 Cyrillic characters (one PDU).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class SmsPduBenchmark {

    @Param({"gsm", "gsm-long", "ucs2"})
    public String text;

    private String message;
    private String pdu;

    /** Builds the text and the PDU to decode. */
    @Setup
    public void setUp() {
        message = switch (text) {
            case "gsm" -> "Configuration structure changed result: 0\r\n".repeat(4).substring(0, 160);
            case "gsm-long" -> "Meter 0815 reading 1.8.0(001234.5*kWh) tariff 0.31€ [ok] ".repeat(11).substring(0, 600);
            default -> "Счётчик электроэнергии: показания приняты, спасибо за ожидание!!".repeat(2).substring(0, 70);
        };
        pdu = SmsPdu.encodeSubmit("+46708251358", message).get(0).hex();
    }

    /** @return the encoded parts */
    @Benchmark
    public List<EncodedPart> encode() {
        return SmsPdu.encodeSubmit("+46708251358", message);
    }

    /** @return the decoded first part */
    @Benchmark
    public Sms decode() throws MalformedPduException {
        return SmsPdu.decode(pdu);
    }
}
