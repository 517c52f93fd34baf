package io.metermodem.sms;

import io.metermodem.config.ConfigurationService;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.Transaction;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.mock.nvm.MockFlash;

/** Configurations on a mock flash for the tests: the real CRC store, fewer PBKDF2 rounds. */
public final class TestConfigs {

    /** The manual's registry with 1000 PBKDF2 iterations, so password checks are quick. */
    public static final ParameterRegistry REGISTRY = ParameterRegistry.wmE2s(1000);

    private TestConfigs() {
    }

    /**
     * @param flash the flash holding the store
     * @return a service on it (the stored configuration, or the defaults)
     */
    public static ConfigurationService open(MockFlash flash) {
        return ConfigurationService.open(REGISTRY, new ConfigurationStore(flash, new AtRestCipher(new byte[32])));
    }

    /** @return a fresh service with the factory defaults on a new mock flash */
    public static ConfigurationService fresh() {
        return open(new MockFlash());
    }

    /**
     * @param service  the configuration
     * @param password the CSD password to set
     * @return the service
     */
    public static ConfigurationService withPassword(ConfigurationService service, String password) {
        var outcome = service.apply(Transaction.builder().set("csd.password", password).build());
        if (outcome.errorCode() != 0) {
            throw new IllegalStateException("could not set the password: " + outcome);
        }
        return service;
    }
}
