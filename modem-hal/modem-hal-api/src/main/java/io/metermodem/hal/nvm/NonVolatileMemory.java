package io.metermodem.hal.nvm;

import java.io.IOException;

/**
 * Flash-like memory (HAL-6, the WM-E2S "SPI flash"). The address space is {@link #pageCount()} pages
 * of {@link #pageSize()} bytes. {@link #erasePage(int)} sets a page to {@code 0xFF}; {@link #write}
 * programs bytes, which can only turn one bits into zero bits (the stored value becomes
 * {@code old & new}), so rewriting data needs an erase first. A write may span pages.
 *
 * <p>Power may fail in the middle of a write or erase: a store on this interface must keep two
 * copies and checksums (see modem-config).
 */
public interface NonVolatileMemory {

    /** @return bytes per erasable page, a power of two */
    int pageSize();

    /** @return number of pages */
    int pageCount();

    /** @return total size in bytes */
    default long size() {
        return (long) pageSize() * pageCount();
    }

    /**
     * Reads bytes.
     *
     * @param address first byte
     * @param buffer  destination
     * @param offset  position in {@code buffer}
     * @param length  number of bytes
     * @throws IndexOutOfBoundsException outside the memory or the buffer
     * @throws IOException               on device failure
     */
    void read(long address, byte[] buffer, int offset, int length) throws IOException;

    /**
     * Programs bytes: each stored byte becomes {@code old & new}.
     *
     * @param address first byte
     * @param data    source
     * @param offset  position in {@code data}
     * @param length  number of bytes
     * @throws IndexOutOfBoundsException outside the memory or the buffer
     * @throws IOException               on device failure (a mock power cut included)
     */
    void write(long address, byte[] data, int offset, int length) throws IOException;

    /**
     * Sets every byte of a page to {@code 0xFF}.
     *
     * @param page 0..pageCount-1
     * @throws IndexOutOfBoundsException for a page that does not exist
     * @throws IOException               on device failure
     */
    void erasePage(int page) throws IOException;

    /**
     * Makes everything written so far durable (flushes OS buffers of a file-backed memory).
     *
     * @throws IOException on device failure
     */
    void sync() throws IOException;
}
