package io.metermodem.testkit.hdlc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class HdlcFrameProperties {

    @Provide
    Arbitrary<HdlcFrame> frames() {
        Arbitrary<HdlcAddress> servers = Combinators.combine(Arbitraries.integers().between(0, 0x3FFF),
                Arbitraries.integers().between(0, 0x3FFF)).as(HdlcAddress::server);
        Arbitrary<HdlcAddress> clients = Arbitraries.integers().between(0, 127).map(HdlcAddress::client);
        Arbitrary<byte[]> info = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Combinators.combine(servers, clients, Arbitraries.integers().between(0, 255), info)
                .as((s, c, control, i) -> HdlcFrame.of(s, c, control, i));
    }

    @Property(tries = 200)
    @Label("TR-4: every HDLC frame decodes to itself from a stream split at any points")
    void roundTripSplit(@ForAll @Size(min = 1, max = 3) List<@From("frames") HdlcFrame> frames,
                        @ForAll @IntRange(min = 1, max = 50) int chunk) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(0x55); // noise before the first flag is skipped
        for (HdlcFrame f : frames) {
            stream.writeBytes(f.encode());
        }
        byte[] bytes = stream.toByteArray();
        HdlcFrameDecoder decoder = new HdlcFrameDecoder();
        List<HdlcDecodeResult> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            out.addAll(decoder.feed(bytes, i, Math.min(chunk, bytes.length - i)));
        }
        assertEquals(frames, out);
    }

    @Property(tries = 200)
    @Label("TR-4: random bytes never make the HDLC decoder throw")
    void garbageNeverThrows(@ForAll @Size(max = 3000) byte[] garbage) {
        HdlcFrameDecoder decoder = new HdlcFrameDecoder();
        decoder.feed(garbage);
    }
}
