package io.metermodem.cellular.driver;

import io.metermodem.cellular.sms.MalformedPduException;
import io.metermodem.cellular.sms.SmsPduCodec;
import io.metermodem.cellular.sms.SubmitPdu;
import io.metermodem.hal.cellular.IncomingSms;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.testkit.module.ModuleSmsCodec;
import io.metermodem.testkit.module.SubmittedSms;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TEST DOUBLE, not TS 23.040: a made-up PDU format used by both sides of the driver tests (the
 * driver's {@link SmsPduCodec} and the simulated module's {@link ModuleSmsCodec}), so the tests prove
 * the AT flow of SMS (lengths in {@code AT+CMGS}, prompt, Ctrl-Z, read-then-delete, ordering,
 * reassembly of parts) and nothing about PDU encoding, which the real codec's own tests prove.
 *
 * <p>A part is the hex of the UTF-8 text {@code KIND|number|ref|total|seq|epochSecond|text};
 * received PDUs carry an SMSC field {@code 00} in front, as real ones do. Texts longer than
 * {@link #PART_TEXT} characters are split into parts.
 */
final class FakePduFormat implements SmsPduCodec, ModuleSmsCodec {

    /** Characters of text per part. */
    static final int PART_TEXT = 20;

    private final Map<String, String[]> partial = new HashMap<>();
    private int nextRef;

    @Override
    public List<SubmitPdu> encode(OutgoingSms sms) {
        List<SubmitPdu> parts = new ArrayList<>();
        for (String part : parts("SUBMIT", sms.destination(), sms.text(), Instant.EPOCH)) {
            parts.add(new SubmitPdu(part, part.length() / 2));
        }
        return parts;
    }

    @Override
    public List<String> encodeDeliver(String originator, String text, Instant serviceCentreTime) {
        return parts("DELIVER", originator, text, serviceCentreTime).stream().map(p -> "00" + p).toList();
    }

    private List<String> parts(String kind, String number, String text, Instant time) {
        int total = Math.max(1, (text.length() + PART_TEXT - 1) / PART_TEXT);
        int ref = nextRef++ % 256;
        List<String> out = new ArrayList<>();
        for (int seq = 1; seq <= total; seq++) {
            String chunk = text.substring((seq - 1) * PART_TEXT, Math.min(text.length(), seq * PART_TEXT));
            String body = kind + "|" + number + "|" + ref + "|" + total + "|" + seq + "|" + time.getEpochSecond()
                    + "|" + chunk;
            out.add(HexFormat.of().withUpperCase().formatHex(body.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Override
    public Optional<IncomingSms> decode(String pduHex, Instant now) throws MalformedPduException {
        if (!pduHex.startsWith("00")) {
            throw new MalformedPduException("test PDU must start with an empty SMSC field 00");
        }
        String[] f = fields(pduHex.substring(2), "DELIVER");
        if (f == null) {
            throw new MalformedPduException("not a test DELIVER PDU: " + pduHex);
        }
        return assemble(f).map(text -> new IncomingSms(f[1], Instant.ofEpochSecond(Long.parseLong(f[5])), text));
    }

    @Override
    public Optional<SubmittedSms> decodeSubmit(String tpduHex) {
        String[] f = fields(tpduHex, "SUBMIT");
        if (f == null) {
            throw new IllegalArgumentException("not a test SUBMIT PDU");
        }
        return assemble(f).map(text -> new SubmittedSms(f[1], text));
    }

    private static String[] fields(String hex, String kind) {
        try {
            String body = new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
            String[] f = body.split("\\|", 7);
            return f.length == 7 && f[0].equals(kind) ? f : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Optional<String> assemble(String[] f) {
        int total = Integer.parseInt(f[3]);
        int seq = Integer.parseInt(f[4]);
        String key = f[0] + f[1] + "/" + f[2];
        String[] parts = partial.computeIfAbsent(key, k -> new String[total]);
        parts[seq - 1] = f[6];
        for (String p : parts) {
            if (p == null) {
                return Optional.empty();
            }
        }
        partial.remove(key);
        return Optional.of(String.join("", parts));
    }
}
