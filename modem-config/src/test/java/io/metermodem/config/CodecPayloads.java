package io.metermodem.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds format-1 payloads by hand, as another firmware version would write them. */
final class CodecPayloads {

    private CodecPayloads() {
    }

    static byte[] of(String... nameValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'M', 'C', 'F'});
        int n = nameValues.length / 2;
        out.write(n >>> 8);
        out.write(n);
        for (String s : nameValues) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write(b.length >>> 8);
            out.write(b.length);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }
}
