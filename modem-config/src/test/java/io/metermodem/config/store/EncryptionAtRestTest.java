package io.metermodem.config.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.hal.mock.nvm.MockFlash;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stored configuration is encrypted and authenticated with the device key (CFG-8). */
class EncryptionAtRestTest {

    private static final byte[] SECRET = "apn-secret-passw0rd".getBytes(StandardCharsets.US_ASCII);

    private final MockFlash flash = Fixtures.smallFlash();
    private final ConfigurationStore store = new ConfigurationStore(flash, new AtRestCipher(Fixtures.key(1)));

    @Test
    @DisplayName("CFG-8: a flash dump shows no plaintext of the configuration, however often it is saved")
    void flashDumpHoldsNoPlaintext() throws IOException {
        byte[] payload = ("apn.name=internet\napn.user=meter\napn.password=" + new String(SECRET, StandardCharsets.US_ASCII)
                + "\nsim.pin=1234\n").getBytes(StandardCharsets.US_ASCII);

        store.commit(payload, 1);
        store.commit(payload, 1);

        assertFalse(flash.contains(SECRET));
        assertFalse(flash.contains("apn.password".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(payload, store.load().orElseThrow().payload());
    }

    @Test
    @DisplayName("CFG-8: without encryption the same secret is visible in the dump (the test can see plaintext)")
    void plaintextStoreShowsTheSecret() throws IOException {
        new ConfigurationStore(flash, AtRestCipher.none()).commit(SECRET, 1);

        assertTrue(flash.contains(SECRET));
    }

    @Test
    @DisplayName("CFG-8: another device's key cannot open the configuration: nothing loads and health says authentication failed")
    void wrongKeyLoadsNothing() throws IOException {
        store.commit(SECRET, 1);
        store.commit(SECRET, 1);

        ConfigurationStore otherDevice = new ConfigurationStore(flash, new AtRestCipher(Fixtures.key(2)));

        assertEquals(Optional.empty(), otherDevice.load());
        StoreHealth health = otherDevice.health();
        assertEquals(CorruptionReason.AUTHENTICATION_FAILED, ((SlotStatus.Corrupt) health.slotA()).reason());
        assertEquals(CorruptionReason.AUTHENTICATION_FAILED, ((SlotStatus.Corrupt) health.slotB()).reason());
    }

    @Test
    @DisplayName("CFG-8: a ciphertext changed by someone who also fixes the CRC is refused by the authentication tag")
    void tamperedCiphertextWithFixedCrcIsRefused() throws IOException {
        store.commit(SECRET, 1);
        int length = store.recordBytes(SECRET.length);
        byte[] image = flash.snapshot();
        image[24 + 12 + 3] ^= 0x01; // a ciphertext byte: after the 24-byte header and the 12-byte nonce
        fixCrc(image, length);
        MockFlash tampered = Fixtures.flashWith(image);

        ConfigurationStore reopened = new ConfigurationStore(tampered, new AtRestCipher(Fixtures.key(1)));

        assertEquals(Optional.empty(), reopened.load());
        assertEquals(CorruptionReason.AUTHENTICATION_FAILED, ((SlotStatus.Corrupt) reopened.health().slotA()).reason());
    }

    @Test
    @DisplayName("CFG-8: a header changed by someone who also fixes the CRC (e.g. a raised sequence number) is refused")
    void tamperedHeaderWithFixedCrcIsRefused() throws IOException {
        store.commit(SECRET, 1);
        int length = store.recordBytes(SECRET.length);
        byte[] image = flash.snapshot();
        image[19] ^= 0x10; // lowest byte of the sequence number
        fixCrc(image, length);

        ConfigurationStore reopened = new ConfigurationStore(Fixtures.flashWith(image), new AtRestCipher(Fixtures.key(1)));

        assertEquals(Optional.empty(), reopened.load());
        assertEquals(CorruptionReason.AUTHENTICATION_FAILED, ((SlotStatus.Corrupt) reopened.health().slotA()).reason());
    }

    @Test
    @DisplayName("CFG-8: an encrypting store refuses a plaintext record planted in its flash")
    void plantedPlaintextRecordIsRefused() throws IOException {
        new ConfigurationStore(flash, AtRestCipher.none()).commit("apn.name=evil".getBytes(StandardCharsets.US_ASCII), 1);

        assertEquals(Optional.empty(), store.load());
        assertEquals(CorruptionReason.CIPHER_MISMATCH, ((SlotStatus.Corrupt) store.health().slotA()).reason());
    }

    @Test
    @DisplayName("CFG-8: the device key, not the flash's history, makes a record genuine: one sealed under it on another"
            + " flash, copied over the older slot, loads as the newest")
    void recordSealedUnderTheKeyElsewhereLoads() throws IOException {
        store.commit(SECRET, 1); // slot A, sequence 1
        store.commit(SECRET, 2); // slot B, sequence 2, current
        MockFlash elsewhere = Fixtures.smallFlash();
        ConfigurationStore other = new ConfigurationStore(elsewhere, new AtRestCipher(Fixtures.key(1)));
        other.commit(Fixtures.payload(120, 1), 1);
        other.commit(Fixtures.payload(300, 2), 2);
        StoredRecord third = other.commit(new byte[0], 7); // slot A of the other flash, sequence 3
        byte[] image = flash.snapshot();
        System.arraycopy(elsewhere.snapshot(), 0, image, 0, store.recordBytes(0));

        ConfigurationStore reopened = new ConfigurationStore(Fixtures.flashWith(image), new AtRestCipher(Fixtures.key(1)));

        // Found by RecordDecoderFuzzTest (crash-genuine-record-of-another-history-over-slot-a): CRC and tag
        // check, so it is a record this device sealed; the store keeps no counter that could tell it apart.
        assertEquals(Optional.of(third), reopened.load());
        assertEquals(Optional.of(Slot.A), reopened.health().current());
        assertTrue(reopened.health().slotB() instanceof SlotStatus.Valid valid && valid.sequence() == 2);
    }

    private static void fixCrc(byte[] image, int recordLength) {
        CRC32C crc = new CRC32C();
        crc.update(image, 0, recordLength - 4);
        ByteBuffer.wrap(image).putInt(recordLength - 4, (int) crc.getValue());
    }
}
