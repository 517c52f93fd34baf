package io.metermodem.config.store;

/**
 * One of the two copies of the configuration (CFG-2): a {@link ConfigurationStore} alternates its
 * writes between them so that the newest valid record is never the one being overwritten.
 */
public enum Slot {
    /** The first slot, at the start of the store's region. */
    A,
    /** The second slot, right after slot A. */
    B;

    /** @return the other slot */
    public Slot other() {
        return this == A ? B : A;
    }
}
