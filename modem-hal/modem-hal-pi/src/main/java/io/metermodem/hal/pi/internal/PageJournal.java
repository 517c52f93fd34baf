package io.metermodem.hal.pi.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The redo journal of a file-backed flash: before pages of the flash file are overwritten, their
 * complete new images are written here and forced to disk; only then are they copied into place.
 * A crash before the journal is complete leaves a journal whose checksum fails, which is ignored
 * (the flash file was not yet touched); a crash after it leaves a valid journal that the next open
 * applies again (applying whole page images twice is harmless).
 *
 * <p>Layout, big-endian: magic {@code "MMNVJRN1"}, page size, entry count, then per entry the page
 * number and the page image, then a CRC-32C over everything before it.
 */
public final class PageJournal implements AutoCloseable {

    private static final long MAGIC = 0x4D4D_4E56_4A52_4E31L; // "MMNVJRN1"
    private static final int HEADER = Long.BYTES + 2 * Integer.BYTES;

    private final Path path;
    private final int pageSize;
    private final FileChannel channel;

    /**
     * Opens (creating if missing) the journal file.
     *
     * @param path     the journal file
     * @param pageSize bytes per page of the flash it protects
     * @throws IOException if the file cannot be opened
     */
    public PageJournal(Path path, int pageSize) throws IOException {
        this.path = path;
        this.pageSize = pageSize;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /** @return the journal file */
    public Path path() {
        return path;
    }

    /**
     * Writes the new images of some pages and forces them to disk; when this returns, the change
     * is committed even if the process dies before the pages reach the flash file.
     *
     * @param pages page number to its complete new image
     * @throws IOException on write failure
     */
    public void record(Map<Integer, byte[]> pages) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(HEADER + pages.size() * (Integer.BYTES + pageSize) + Integer.BYTES);
        out.putLong(MAGIC).putInt(pageSize).putInt(pages.size());
        for (Map.Entry<Integer, byte[]> page : pages.entrySet()) {
            out.putInt(page.getKey()).put(page.getValue(), 0, pageSize);
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        out.flip();
        channel.truncate(0);
        writeFully(out, 0);
        channel.force(true);
    }

    /**
     * Writes only a prefix of what {@link #record} would write, as a crash in the middle of
     * journalling leaves it. For crash simulations.
     *
     * @param pages the pages
     * @param bytes how many bytes of the journal reach the disk
     * @throws IOException on write failure
     */
    public void recordTorn(Map<Integer, byte[]> pages, int bytes) throws IOException {
        record(pages);
        channel.truncate(Math.min(bytes, channel.size()));
        channel.force(true);
    }

    /**
     * Reads a committed journal.
     *
     * @param pageCount pages of the flash, to reject entries outside it
     * @return the committed pages, empty when the journal is empty or torn
     * @throws IOException if a valid journal was written for another page size, or on read failure
     */
    public Map<Integer, byte[]> load(int pageCount) throws IOException {
        long size = channel.size();
        if (size < HEADER + Integer.BYTES) {
            return Map.of();
        }
        if (size > HEADER + (long) pageCount * (Integer.BYTES + pageSize) + Integer.BYTES) {
            return Map.of();
        }
        ByteBuffer in = ByteBuffer.allocate((int) size);
        while (in.hasRemaining()) {
            if (channel.read(in, in.position()) < 0) {
                return Map.of();
            }
        }
        in.flip();
        if (in.getLong() != MAGIC) {
            return Map.of();
        }
        int journalPageSize = in.getInt();
        int count = in.getInt();
        CRC32C crc = new CRC32C();
        crc.update(in.array(), 0, (int) size - Integer.BYTES);
        if ((int) crc.getValue() != in.getInt((int) size - Integer.BYTES)) {
            return Map.of(); // torn: the crash hit before the commit, the flash file is untouched
        }
        if (journalPageSize != pageSize) {
            throw new IOException("flash journal " + path + " was written for pages of " + journalPageSize
                    + " bytes, not " + pageSize + ": open the flash with its original geometry");
        }
        if (size != HEADER + (long) count * (Integer.BYTES + pageSize) + Integer.BYTES) {
            throw new IOException("flash journal " + path + " is inconsistent: " + count + " entries in " + size + " bytes");
        }
        Map<Integer, byte[]> pages = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int page = in.getInt();
            if (page < 0 || page >= pageCount) {
                throw new IOException("flash journal " + path + " names page " + page + " outside 0.." + (pageCount - 1));
            }
            byte[] image = new byte[pageSize];
            in.get(image);
            pages.put(page, image);
        }
        return Collections.unmodifiableMap(pages);
    }

    /**
     * Empties the journal once its pages are in place.
     *
     * @throws IOException on failure
     */
    public void clear() throws IOException {
        channel.truncate(0);
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void writeFully(ByteBuffer data, long position) throws IOException {
        long at = position;
        while (data.hasRemaining()) {
            at += channel.write(data, at);
        }
    }
}
