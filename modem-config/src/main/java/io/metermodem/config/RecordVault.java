package io.metermodem.config;

import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.config.store.StoredRecord;
import java.io.IOException;
import java.util.Optional;

/**
 * The four store operations the service uses, so tests can put a double with scripted answers
 * (e.g. a flash copy that no longer matches, CFG-2) in place of the final {@link ConfigurationStore}.
 */
interface RecordVault {

    Optional<StoredRecord> load() throws IOException;

    StoredRecord commit(byte[] payload, int formatVersion) throws IOException;

    boolean matchesFlash(StoredRecord ramCopy) throws IOException;

    int maxPayloadBytes();

    static RecordVault of(ConfigurationStore store) {
        return new RecordVault() {
            @Override
            public Optional<StoredRecord> load() throws IOException {
                return store.load();
            }

            @Override
            public StoredRecord commit(byte[] payload, int formatVersion) throws IOException {
                return store.commit(payload, formatVersion);
            }

            @Override
            public boolean matchesFlash(StoredRecord ramCopy) throws IOException {
                return store.matchesFlash(ramCopy);
            }

            @Override
            public int maxPayloadBytes() {
                return store.maxPayloadBytes();
            }
        };
    }
}
