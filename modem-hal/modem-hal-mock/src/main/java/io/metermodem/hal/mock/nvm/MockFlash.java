package io.metermodem.hal.mock.nvm;

import io.metermodem.hal.nvm.NonVolatileMemory;
import io.metermodem.hal.nvm.NvmFailureException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * NOR flash in memory with injectable faults (HAL-6): the configuration flash of the mock board.
 *
 * <p>Semantics follow real NOR flash: {@link #erasePage(int)} sets a page to {@code 0xFF};
 * {@link #write} can only clear bits, the stored byte becomes {@code old & new}; a write may cross
 * pages. Pages that were never written since their last erase take no memory, so a board's flash
 * costs almost nothing until the firmware stores its configuration.
 *
 * <p>Faults, for testing stores that must survive power cuts:
 * <ul>
 *   <li>{@link #cutPowerAfterBytes(long)}: the n-th byte programmed from now on is the last one; the
 *       write that programs it throws {@link NvmFailureException};</li>
 *   <li>{@link #cutPowerDuringNextErase()}: the next erase stops half way;</li>
 *   <li>{@link #cutPower()}: at once.</li>
 * </ul>
 * After a cut every operation throws {@link NvmFailureException} until {@link #restorePower()}.
 * {@link #flipBit(long, int)} models a retention error.
 *
 * <pre>{@code
 * MockFlash flash = new MockFlash();          // 8 pages of 4 KiB
 * flash.cutPowerAfterBytes(3);
 * assertThrows(NvmFailureException.class, () -> flash.write(0, record, 0, record.length));
 * flash.restorePower();                       // only record[0..2] are programmed
 * }</pre>
 *
 * <p>Thread-safe: every operation is atomic with respect to the others.
 */
public final class MockFlash implements NonVolatileMemory {

    /** Default page size: 4 KiB, the erase sector of common SPI NOR flash. */
    public static final int DEFAULT_PAGE_SIZE = 4096;
    /** Default page count: 8 pages, 32 KiB in all. */
    public static final int DEFAULT_PAGE_COUNT = 8;
    /** Largest flash this mock models: 1 GiB, so that {@link #snapshot()} fits in one array. */
    public static final long MAX_SIZE = 1L << 30;

    private static final byte ERASED = (byte) 0xFF;

    private final int pageSize;
    private final int pageCount;
    private final int pageShift;
    /** Page contents; {@code null} stands for an erased page. */
    private final byte[][] pages;
    /** Erases per page, allocated on the first erase. */
    private int[] eraseCounts;
    private boolean powered = true;
    private String cutReason = "";
    /** Bytes still to program before the armed power cut; -1 when none is armed. */
    private long bytesUntilCut = -1;
    /** Bytes the armed erase gets done before power fails; -1 when no such cut is armed. */
    private int eraseCutAfter = -1;
    /** Erases still to complete before the armed erase cut; 0 = the next one. */
    private int erasesBeforeCut;
    /** A worn-out cell that always programs as 0x00; -1 when none. */
    private long stuckAddress = -1;
    private long reads;
    private long writes;
    private long erases;
    private long syncs;
    private long bytesRead;
    private long bytesProgrammed;

    /** A flash of {@link #DEFAULT_PAGE_COUNT} pages of {@link #DEFAULT_PAGE_SIZE} bytes, all erased. */
    public MockFlash() {
        this(DEFAULT_PAGE_SIZE, DEFAULT_PAGE_COUNT);
    }

    /**
     * An erased flash.
     *
     * @param pageSize  bytes per page, a power of two from 16
     * @param pageCount number of pages, at least 1
     * @throws IllegalArgumentException for a size that is not a power of two, too few pages, or more
     *                                  than {@link #MAX_SIZE} bytes in all
     */
    public MockFlash(int pageSize, int pageCount) {
        if (pageSize < 16 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("page size must be a power of two of at least 16, got " + pageSize);
        }
        if (pageCount < 1 || (long) pageSize * pageCount > MAX_SIZE) {
            throw new IllegalArgumentException("page count must be 1.." + (MAX_SIZE / pageSize)
                    + " for pages of " + pageSize + " bytes, got " + pageCount);
        }
        this.pageSize = pageSize;
        this.pageCount = pageCount;
        this.pageShift = Integer.numberOfTrailingZeros(pageSize);
        this.pages = new byte[pageCount][];
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public int pageCount() {
        return pageCount;
    }

    @Override
    public synchronized void read(long address, byte[] buffer, int offset, int length) throws NvmFailureException {
        checkRange("read", address, buffer, offset, length);
        requirePower("read", address);
        reads++;
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = byteAt(address + i);
        }
        bytesRead += length;
    }

    /**
     * {@inheritDoc}
     *
     * @throws NvmFailureException without power, or when an armed power cut happens during this write;
     *                             the bytes before the cut stay programmed
     */
    @Override
    public synchronized void write(long address, byte[] data, int offset, int length) throws NvmFailureException {
        checkRange("write", address, data, offset, length);
        requirePower("write", address);
        writes++;
        if (bytesUntilCut == 0) {
            throw cut("power cut before the write of " + length + " bytes at " + hex(address) + " programmed anything");
        }
        for (int i = 0; i < length; i++) {
            program(address + i, data[offset + i]);
            bytesProgrammed++;
            if (bytesUntilCut > 0 && --bytesUntilCut == 0) {
                throw cut("power cut after " + (i + 1) + " of " + length + " bytes written at " + hex(address));
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws NvmFailureException without power, or when an erase cut was armed: the page is then
     *                             erased only in part
     */
    @Override
    public synchronized void erasePage(int page) throws NvmFailureException {
        if (page < 0 || page >= pageCount) {
            throw new IndexOutOfBoundsException("page " + page + " does not exist; the flash has pages 0.."
                    + (pageCount - 1));
        }
        requirePower("erase of page " + page + " at", (long) page << pageShift);
        erases++;
        if (eraseCounts == null) {
            eraseCounts = new int[pageCount];
        }
        eraseCounts[page]++;
        if (eraseCutAfter >= 0 && erasesBeforeCut > 0) {
            erasesBeforeCut--;
        } else if (eraseCutAfter >= 0) {
            int done = eraseCutAfter;
            eraseCutAfter = -1;
            byte[] content = pages[page];
            if (content != null) {
                Arrays.fill(content, 0, done, ERASED);
            }
            throw cut("power cut during the erase of page " + page + " after " + done + " of " + pageSize + " bytes");
        }
        pages[page] = null;
    }

    @Override
    public synchronized void sync() throws NvmFailureException {
        requirePower("sync", 0);
        syncs++;
    }

    /**
     * Arms a power cut: counting bytes programmed by the following writes, the {@code n}-th byte is
     * the last one programmed and the write that programs it throws {@link NvmFailureException};
     * {@code n == 0} fails the next write before it programs anything. Replaces an armed byte count.
     *
     * @param n bytes still to program, 0 or more
     * @throws IllegalArgumentException for a negative count
     */
    public synchronized void cutPowerAfterBytes(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("byte count must not be negative, got " + n);
        }
        bytesUntilCut = n;
    }

    /**
     * Arms a power cut in the next erase: its first half is erased, the rest of the page keeps its
     * old contents, and the erase throws {@link NvmFailureException}. The erase still counts as wear.
     */
    public void cutPowerDuringNextErase() {
        cutPowerDuringNextErase(pageSize / 2);
    }

    /**
     * Arms a power cut in the next erase after {@code bytesErased} bytes of the page.
     *
     * @param bytesErased 0..pageSize-1 bytes from the page start that are erased before power fails
     * @throws IllegalArgumentException outside that range
     */
    public synchronized void cutPowerDuringNextErase(int bytesErased) {
        cutPowerDuringErase(0, bytesErased);
    }

    /**
     * Arms a power cut in a later erase, so that a test can interrupt every erase of a multi-page
     * operation in turn: {@code erasesBefore} erases complete, the one after stops after
     * {@code bytesErased} bytes. Replaces an armed erase cut.
     *
     * @param erasesBefore erases that complete first, 0 for the next one
     * @param bytesErased  0..pageSize-1 bytes from the page start that are erased before power fails
     * @throws IllegalArgumentException outside those ranges
     */
    public synchronized void cutPowerDuringErase(int erasesBefore, int bytesErased) {
        if (erasesBefore < 0) {
            throw new IllegalArgumentException("erases before the cut must not be negative, got " + erasesBefore);
        }
        if (bytesErased < 0 || bytesErased >= pageSize) {
            throw new IllegalArgumentException("bytes erased before the cut must be 0.." + (pageSize - 1)
                    + ", got " + bytesErased);
        }
        erasesBeforeCut = erasesBefore;
        eraseCutAfter = bytesErased;
    }

    /** Disarms an erase cut armed with {@link #cutPowerDuringErase(int, int)} that has not happened. */
    public synchronized void cancelEraseCut() {
        eraseCutAfter = -1;
        erasesBeforeCut = 0;
    }

    /**
     * Models a worn-out cell: from now on the byte at {@code address} programs as {@code 0x00}
     * whatever is written to it (an erase still sets it to {@code 0xFF}), as a read-back after a
     * write would reveal on real flash.
     *
     * @param address the cell
     * @throws IndexOutOfBoundsException outside the flash
     */
    public synchronized void stickAtZero(long address) {
        if (address < 0 || address >= size()) {
            throw new IndexOutOfBoundsException("address " + hex(address) + " is outside the flash");
        }
        stuckAddress = address;
    }

    /** Cuts power now: every operation fails until {@link #restorePower()}. */
    public synchronized void cutPower() {
        if (powered) {
            powered = false;
            cutReason = "power was cut by the test";
        }
    }

    /** Restores power after a cut, disarming any cut still pending. Contents are as the cut left them. */
    public synchronized void restorePower() {
        powered = true;
        cutReason = "";
        bytesUntilCut = -1;
        eraseCutAfter = -1;
    }

    /** @return whether the flash has power */
    public synchronized boolean isPowered() {
        return powered;
    }

    /**
     * Inverts one stored bit, as a retention or disturb error would. Works with or without power and
     * is not counted as an operation.
     *
     * @param address the byte
     * @param bit     0 (least significant) .. 7
     * @throws IndexOutOfBoundsException outside the memory
     * @throws IllegalArgumentException  for a bit outside 0..7
     */
    public synchronized void flipBit(long address, int bit) {
        checkAddress("bit flip", address, 1);
        if (bit < 0 || bit > 7) {
            throw new IllegalArgumentException("bit must be 0..7, got " + bit);
        }
        byte[] content = materialise(pageOf(address));
        int index = (int) (address & (pageSize - 1));
        content[index] = (byte) (content[index] ^ (1 << bit));
    }

    /**
     * A copy of the whole contents, whatever the power state, without counting a read: what a chip
     * dump would show.
     *
     * @return {@link #size()} bytes
     */
    public synchronized byte[] snapshot() {
        byte[] image = new byte[(int) size()];
        for (int page = 0; page < pageCount; page++) {
            int base = page << pageShift;
            if (pages[page] == null) {
                Arrays.fill(image, base, base + pageSize, ERASED);
            } else {
                System.arraycopy(pages[page], 0, image, base, pageSize);
            }
        }
        return image;
    }

    /**
     * Whether a byte sequence appears anywhere in the contents, e.g. to prove that a secret is never
     * stored in clear.
     *
     * @param needle the bytes to look for, at least one
     * @return whether they appear, possibly across a page boundary
     * @throws IllegalArgumentException for an empty needle
     */
    public boolean contains(byte[] needle) {
        if (needle.length == 0) {
            throw new IllegalArgumentException("needle must not be empty");
        }
        byte[] image = snapshot();
        outer:
        for (int i = 0; i + needle.length <= image.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (image[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Replaces the contents with an image, as a programmer would, without counting wear or
     * operations. Bytes beyond the image are erased.
     *
     * @param image at most {@link #size()} bytes
     * @throws IllegalArgumentException for an image larger than the flash
     */
    public synchronized void loadFrom(byte[] image) {
        if (image.length > size()) {
            throw new IllegalArgumentException("image of " + image.length + " bytes does not fit a flash of "
                    + size() + " bytes");
        }
        for (int page = 0; page < pageCount; page++) {
            int base = page << pageShift;
            byte[] content = null;
            for (int i = 0; i < pageSize && base + i < image.length; i++) {
                if (image[base + i] != ERASED) {
                    content = new byte[pageSize];
                    Arrays.fill(content, ERASED);
                    System.arraycopy(image, base, content, 0, Math.min(pageSize, image.length - base));
                    break;
                }
            }
            pages[page] = content;
        }
    }

    /**
     * @param page 0..pageCount-1
     * @return how often the page was erased, interrupted erases included
     * @throws IndexOutOfBoundsException for a page that does not exist
     */
    public synchronized int eraseCount(int page) {
        Objects.checkIndex(page, pageCount);
        return eraseCounts == null ? 0 : eraseCounts[page];
    }

    /** @return the highest erase count of any page: the wear that limits the flash's life */
    public synchronized int maxEraseCount() {
        return eraseCounts == null ? 0 : Arrays.stream(eraseCounts).max().orElse(0);
    }

    /** @return counts of operations and bytes since the flash was built */
    public synchronized FlashStatistics statistics() {
        return new FlashStatistics(reads, writes, erases, syncs, bytesRead, bytesProgrammed);
    }

    /** @return number of pages holding anything but {@code 0xFF} storage (memory actually used) */
    public synchronized int materialisedPages() {
        int n = 0;
        for (byte[] page : pages) {
            if (page != null) {
                n++;
            }
        }
        return n;
    }

    private void program(long address, byte value) {
        if (address == stuckAddress) {
            value = 0;
        }
        if (value == ERASED) {
            return; // AND with 0xFF changes nothing: an erased page stays unallocated
        }
        byte[] content = materialise(pageOf(address));
        int index = (int) (address & (pageSize - 1));
        content[index] = (byte) (content[index] & value);
    }

    private byte byteAt(long address) {
        byte[] content = pages[pageOf(address)];
        return content == null ? ERASED : content[(int) (address & (pageSize - 1))];
    }

    private byte[] materialise(int page) {
        byte[] content = pages[page];
        if (content == null) {
            content = new byte[pageSize];
            Arrays.fill(content, ERASED);
            pages[page] = content;
        }
        return content;
    }

    private int pageOf(long address) {
        return (int) (address >>> pageShift);
    }

    private NvmFailureException cut(String message) {
        powered = false;
        bytesUntilCut = -1;
        eraseCutAfter = -1;
        cutReason = message;
        return new NvmFailureException(message);
    }

    private void requirePower(String operation, long address) throws NvmFailureException {
        if (!powered) {
            throw new NvmFailureException(operation + " " + hex(address) + " refused: the flash has no power ("
                    + cutReason + ")");
        }
    }

    private void checkRange(String operation, long address, byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        checkAddress(operation, address, length);
    }

    private void checkAddress(String operation, long address, long length) {
        if (address < 0 || length < 0 || address > size() - length) {
            throw new IndexOutOfBoundsException(operation + " of " + length + " bytes at " + hex(address)
                    + " reaches outside the flash of " + size() + " bytes (0x0.." + hex(size() - 1) + ")");
        }
    }

    private static String hex(long address) {
        return "0x" + Long.toHexString(address).toUpperCase(Locale.ROOT);
    }

    @Override
    public synchronized String toString() {
        return "MockFlash[" + pageCount + " x " + pageSize + " bytes, " + (powered ? "powered" : "no power") + "]";
    }
}
