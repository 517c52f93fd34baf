package io.metermodem.config;

import io.metermodem.config.password.PasswordHash;

/** Shared test fixtures: the WM-E2S registry with fast password hashing. */
public final class TestRegistries {

    /** WM-E2S parameters; new passwords hashed with the minimum iteration count so tests stay fast. */
    public static final ParameterRegistry FAST = ParameterRegistry.wmE2s(PasswordHash.MIN_ITERATIONS);

    private TestRegistries() {
    }
}
