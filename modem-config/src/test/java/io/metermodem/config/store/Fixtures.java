package io.metermodem.config.store;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.hal.mock.nvm.MockFlash;
import java.util.Random;

/** Keys, payloads and flash geometries shared by the store tests. */
final class Fixtures {

    /** 256-byte pages keep the exhaustive power-cut tests quick while records still span pages. */
    static final int PAGE_SIZE = 256;
    /** 16 pages: two slots of 8 pages, 2048 bytes each. */
    static final int PAGE_COUNT = 16;

    private Fixtures() {
    }

    static byte[] key(int seed) {
        byte[] key = new byte[AtRestCipher.KEY_BYTES];
        new Random(seed).nextBytes(key);
        return key;
    }

    static AtRestCipher cipher() {
        return new AtRestCipher(key(1));
    }

    static MockFlash smallFlash() {
        return new MockFlash(PAGE_SIZE, PAGE_COUNT);
    }

    /** A flash holding exactly {@code image}, as after a power cycle. */
    static MockFlash flashWith(byte[] image) {
        MockFlash flash = smallFlash();
        flash.loadFrom(image);
        return flash;
    }

    /**
     * A payload that differs from every other one of another tag: deterministic pseudo-random bytes,
     * the tag in the first bytes when there is room.
     */
    static byte[] payload(int size, int tag) {
        byte[] payload = new byte[size];
        new Random(tag * 7919L + size).nextBytes(payload);
        for (int i = 0; i < Math.min(4, size); i++) {
            payload[i] = (byte) (tag >>> (8 * i)); // low byte first: even 1-byte payloads differ
        }
        return payload;
    }
}
