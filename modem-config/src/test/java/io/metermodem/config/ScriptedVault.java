package io.metermodem.config;

import io.metermodem.config.store.StoredRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/** A store double with scripted answers: flash mismatch (CFG-2), failing reads and writes. */
final class ScriptedVault implements RecordVault {
    final List<StoredRecord> commits = new ArrayList<>();
    Optional<StoredRecord> initial = Optional.empty();
    boolean flashMatches = true;
    boolean failLoad;
    boolean failCommit;
    int maxPayload = 64 * 1024;

    @Override
    public Optional<StoredRecord> load() throws IOException {
        if (failLoad) {
            throw new IOException("flash unreadable");
        }
        return commits.isEmpty() ? initial : Optional.of(commits.getLast());
    }

    @Override
    public StoredRecord commit(byte[] payload, int formatVersion) throws IOException {
        if (failCommit) {
            throw new IOException("write failed");
        }
        CRC32 crc = new CRC32();
        crc.update(payload);
        StoredRecord r = new StoredRecord(commits.size() + 1, formatVersion, payload.clone(), (int) crc.getValue());
        commits.add(r);
        return r;
    }

    @Override
    public boolean matchesFlash(StoredRecord ramCopy) {
        return flashMatches;
    }

    @Override
    public int maxPayloadBytes() {
        return maxPayload;
    }
}
