package io.metermodem.config.store;

import io.metermodem.hal.nvm.NonVolatileMemory;

/**
 * Where in a {@link NonVolatileMemory} a {@link ConfigurationStore} keeps its two slots (HAL-6):
 * slot A is {@code pagesPerSlot} pages from {@code firstPage}, slot B the same number of pages right
 * after it. Each slot owns whole erase pages, so erasing one never touches the other.
 *
 * @param firstPage    first page of slot A, 0 or more
 * @param pagesPerSlot pages of each slot, at least 1
 */
public record StoreRegion(int firstPage, int pagesPerSlot) {

    /**
     * @throws IllegalArgumentException for a negative first page or fewer than one page per slot
     */
    public StoreRegion {
        if (firstPage < 0) {
            throw new IllegalArgumentException("first page must not be negative, got " + firstPage);
        }
        if (pagesPerSlot < 1) {
            throw new IllegalArgumentException("a slot needs at least one page, got " + pagesPerSlot);
        }
    }

    /**
     * The whole memory: each slot takes half the pages (an odd last page stays unused).
     *
     * @param memory the memory
     * @return the region
     * @throws IllegalArgumentException for a memory of fewer than two pages
     */
    public static StoreRegion wholeMemory(NonVolatileMemory memory) {
        if (memory.pageCount() < 2) {
            throw new IllegalArgumentException("an A/B store needs at least two pages, the memory has "
                    + memory.pageCount());
        }
        return new StoreRegion(0, memory.pageCount() / 2);
    }

    /**
     * @param slot A or B
     * @return the first page of that slot
     */
    public int firstPageOf(Slot slot) {
        return slot == Slot.A ? firstPage : firstPage + pagesPerSlot;
    }

    /** @return the page after slot B */
    public long endPage() {
        return (long) firstPage + 2L * pagesPerSlot;
    }
}
