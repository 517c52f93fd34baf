package io.metermodem.config.store;

import java.util.Objects;
import java.util.Optional;

/**
 * The state of both slots of a {@link ConfigurationStore} at one moment (CFG-2), for diagnostics
 * such as the device manager's status page or an SMS status reply: which slot is current and why
 * the other one is not.
 *
 * @param slotA what slot A holds
 * @param slotB what slot B holds
 */
public record StoreHealth(SlotStatus slotA, SlotStatus slotB) {

    /**
     * @throws NullPointerException for a missing status
     */
    public StoreHealth {
        Objects.requireNonNull(slotA, "slotA");
        Objects.requireNonNull(slotB, "slotB");
    }

    /**
     * @param slot A or B
     * @return what that slot holds
     */
    public SlotStatus status(Slot slot) {
        return slot == Slot.A ? slotA : slotB;
    }

    /**
     * The slot {@link ConfigurationStore#load()} reads: the valid one with the higher sequence
     * number, slot A on a tie (which only a copied image can produce).
     *
     * @return the current slot, or empty when neither slot holds a valid record
     */
    public Optional<Slot> current() {
        if (slotA instanceof SlotStatus.Valid a) {
            if (slotB instanceof SlotStatus.Valid b && b.sequence() > a.sequence()) {
                return Optional.of(Slot.B);
            }
            return Optional.of(Slot.A);
        }
        return slotB instanceof SlotStatus.Valid ? Optional.of(Slot.B) : Optional.empty();
    }

    /** @return whether both slots hold valid records, i.e. a damaged current slot would still leave a copy */
    public boolean bothValid() {
        return slotA instanceof SlotStatus.Valid && slotB instanceof SlotStatus.Valid;
    }
}
