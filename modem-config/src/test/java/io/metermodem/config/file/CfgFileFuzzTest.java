package io.metermodem.config.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.metermodem.config.ChangeOutcome;
import io.metermodem.config.ChangeResult;
import io.metermodem.config.Configuration;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.Parameter;
import io.metermodem.config.ParameterError;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.TestRegistries;
import io.metermodem.config.Transaction;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.mock.nvm.MockFlash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the {@code .cfg} reader and the import behind {@code ./modem config import} (CFG-5, CFG-2, CFG-1)
 * with the bytes of a file.
 *
 * <p>For any bytes: the result is exactly what the file's lines predict ({@link CfgOracle}): either every
 * error, each a {@link CfgError} with its line number, in line order and bounded, or the settings, each on
 * its line; reading the same bytes from a stream in pieces gives the same. A file that reads is then
 * imported into a modem whose flash holds a configuration: the import commits exactly the file's settings
 * over it, and what it committed loads again and exports and re-imports to itself; or it is refused by a
 * rule across parameters and changes nothing, not one byte of the flash (all or nothing).
 */
class CfgFileFuzzTest {

    private static final ParameterRegistry REGISTRY = TestRegistries.FAST;
    private static final AtRestCipher CIPHER = new AtRestCipher(
            "modem-config-cfg-fuzz-device-key".getBytes(StandardCharsets.US_ASCII));
    private static final Modem MODEM = Modem.configured();

    @FuzzTest
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // above -Pfuzz's fuzz.seconds; a replay takes milliseconds
    void cfgFile(byte[] input) throws IOException {
        CfgParseResult result = CfgFile.parse(input, REGISTRY);

        CfgOracle.check(input, REGISTRY, result);
        CfgOracle.assertBounded(input, result);
        CfgOracle.assertSameResult(result, CfgFile.parse(new PiecesInputStream(pieces(input)), REGISTRY));
        if (!(result instanceof CfgParseResult.Parsed parsed)) {
            return; // a file with any error is not applied at all: there is no transaction to apply
        }

        MockFlash flash = MODEM.flash();
        ConfigurationService service = open(flash);
        ChangeOutcome outcome = service.apply(parsed.transaction());

        switch (outcome) {
            case ChangeOutcome.Committed committed -> {
                Configuration next = committed.configuration();
                ChangeResult expected = parsed.transaction().validate(MODEM.configuration());
                assertEquals(assertInstanceOf(ChangeResult.Accepted.class, expected).next(), next);
                for (Parameter p : REGISTRY.parameters()) {
                    String wanted = parsed.lineOf(p.name()).isPresent()
                            ? valueIn(parsed.transaction(), p.name()) : MODEM.configuration().valueText(p.name());
                    assertEquals(wanted, next.valueText(p.name()), p.name());
                }
                assertEquals(next, service.current());
                assertEquals(next, open(flash).current(), "what the import committed loads after a restart");
                byte[] exported = CfgFile.exportBytes(next, REGISTRY);
                CfgParseResult.Parsed again = assertInstanceOf(CfgParseResult.Parsed.class,
                        CfgFile.parse(exported, REGISTRY));
                Configuration reimported = assertInstanceOf(ChangeResult.Accepted.class,
                        again.transaction().validate(REGISTRY.defaults())).next();
                assertEquals(next, reimported, "export -> import gives the configuration back");
                assertArrayEquals(exported, CfgFile.exportBytes(reimported, REGISTRY));
            }
            case ChangeOutcome.Unchanged unchanged -> assertNothingChanged(flash, service);
            case ChangeOutcome.Invalid invalid -> {
                // Every value was checked while reading: only a rule across parameters can refuse the file.
                for (ParameterError e : invalid.errors()) {
                    assertEquals(ParameterError.Kind.CONFLICT, e.kind(), e.toString());
                }
                assertNothingChanged(flash, service);
            }
            case ChangeOutcome.FlashMismatch mismatch -> fail("the flash was not touched, yet: " + mismatch);
            case ChangeOutcome.StorageFailure failure -> fail("a configuration must fit its record: " + failure);
        }
    }

    private static void assertNothingChanged(MockFlash flash, ConfigurationService service) {
        assertArrayEquals(MODEM.image(), flash.snapshot(), "a refused import writes nothing");
        assertEquals(MODEM.configuration(), service.current());
        assertEquals(MODEM.configuration(), open(flash).current());
    }

    private static String valueIn(Transaction transaction, String name) {
        return transaction.changes().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow()
                .valueText();
    }

    private static ConfigurationService open(MockFlash flash) {
        return ConfigurationService.open(REGISTRY, new ConfigurationStore(flash, CIPHER));
    }

    /** The input cut into pieces of 1, 2, 3 ... 16 bytes, then again from 1. */
    private static List<byte[]> pieces(byte[] input) {
        List<byte[]> pieces = new ArrayList<>();
        int at = 0;
        for (int size = 1; at < input.length; size = size % 16 + 1) {
            int n = Math.min(size, input.length - at);
            byte[] piece = new byte[n];
            System.arraycopy(input, at, piece, 0, n);
            pieces.add(piece);
            at += n;
        }
        return pieces;
    }

    /** A modem whose flash holds a configuration that differs from the defaults: where imports go. */
    private record Modem(byte[] image, Configuration configuration) {

        static Modem configured() {
            MockFlash flash = new MockFlash(1024, 8);
            ConfigurationService service = open(flash);
            ChangeOutcome outcome = service.apply(Transaction.builder()
                    .set("conn.apn_name", "meters.example").set("conn.apn_user", "reader")
                    .set("conn.apn_pass", "apn-secret").set("m2m.transparent_port", "9100")
                    .set("m2m.customer_port", "9200").set("tm.baud", "19200").set("tm.data_format", "8N1")
                    .set("wd.ping_ip", "10.0.0.1").set("csd.password", "csd-pw").set("led.led2", "network")
                    .build());
            if (!(outcome instanceof ChangeOutcome.Committed committed)) {
                throw new IllegalStateException("the base configuration did not commit: " + outcome);
            }
            return new Modem(flash.snapshot(), committed.configuration());
        }

        /** @return a new flash holding the image, as after a power cycle */
        MockFlash flash() {
            MockFlash flash = new MockFlash(1024, 8);
            flash.loadFrom(image);
            return flash;
        }
    }
}
