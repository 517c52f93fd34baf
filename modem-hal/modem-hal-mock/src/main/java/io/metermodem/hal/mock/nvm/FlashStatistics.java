package io.metermodem.hal.mock.nvm;

/**
 * What a {@link MockFlash} was asked to do since it was built (HAL-6): for wear and efficiency
 * assertions, e.g. that saving one parameter does not erase every page.
 *
 * @param reads           read operations
 * @param writes          write operations, failed ones included
 * @param erases          page erases, interrupted ones included
 * @param syncs           sync operations
 * @param bytesRead       bytes read
 * @param bytesProgrammed bytes actually programmed by writes (stopping at a power cut)
 */
public record FlashStatistics(long reads, long writes, long erases, long syncs, long bytesRead, long bytesProgrammed) {

    /** @return all operations together */
    public long operations() {
        return reads + writes + erases + syncs;
    }
}
