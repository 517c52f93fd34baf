package io.metermodem.hal.pi;

import io.metermodem.hal.nvm.NonVolatileMemory;
import io.metermodem.hal.nvm.NvmFailureException;
import io.metermodem.hal.pi.internal.PageJournal;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration flash of the Pi board as a file (HAL-6): {@code pageCount * pageSize} bytes with
 * NOR-flash semantics. A missing file is created erased (all {@code 0xFF}); a file of another size is
 * refused, so a flash image is never silently reinterpreted with a different geometry.
 *
 * <h2>Semantics</h2>
 * Like the real SPI flash, {@link #write} can only clear bits (each stored byte becomes
 * {@code old & new}) and {@link #erasePage} sets a page back to {@code 0xFF}.
 *
 * <h2>Crash safety</h2>
 * A file system does not promise that an overwritten block is either all old or all new when the
 * machine loses power. So every write or erase goes through a redo journal next to the file
 * ({@code <file>.journal}):
 * <ol>
 *   <li>the complete new images of every page the operation touches are written to the journal,
 *       with a checksum, and forced to disk: this is the commit point;</li>
 *   <li>the images are copied into the flash file, which is forced;</li>
 *   <li>the journal is emptied.</li>
 * </ol>
 * Opening the file first replays a committed journal. Hence, whenever the process is killed or
 * power fails, every operation is either entirely absent (crash before the commit point) or entirely
 * present (at or after it): no page is ever torn, and an operation spanning several pages is atomic
 * as a whole. When a call returns, its effect is durable; {@link #sync()} is therefore cheap and only
 * forces the file once more. This is stronger than the hardware, whose power cuts can tear pages: the
 * CRC-protected A/B store of modem-config copes with both.
 *
 * <p>The file is locked while open, so two processes cannot share one flash. Instances are
 * thread-safe.
 *
 * <pre>{@code
 * try (FileNonVolatileMemory flash = FileNonVolatileMemory.open(Path.of("/var/lib/metermodem/flash.bin"), 4096, 256)) {
 *     flash.erasePage(0);
 *     flash.write(0, record, 0, record.length);
 * }
 * }</pre>
 */
public final class FileNonVolatileMemory implements NonVolatileMemory, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(FileNonVolatileMemory.class);

    /** Where a simulated crash interrupts an operation; for the crash-recovery tests only. */
    enum CrashPoint {
        /** No crash. */
        NONE,
        /** The journal is written only half way: the operation never committed. */
        DURING_JOURNAL,
        /** The journal is committed but nothing was copied into the flash file. */
        AFTER_JOURNAL,
        /** The journal is committed and the first page is half copied into the flash file. */
        DURING_APPLY
    }

    private final Path file;
    private final int pageSize;
    private final int pageCount;
    private final FileChannel data;
    private final FileLock lock;
    private final PageJournal journal;
    private boolean closed;
    private CrashPoint crashPoint = CrashPoint.NONE;

    private FileNonVolatileMemory(Path file, int pageSize, int pageCount, FileChannel data, FileLock lock,
            PageJournal journal) {
        this.file = file;
        this.pageSize = pageSize;
        this.pageCount = pageCount;
        this.data = data;
        this.lock = lock;
        this.journal = journal;
    }

    /**
     * Opens a flash file, creating it erased when missing and replaying an interrupted operation.
     *
     * @param file      the flash image
     * @param pageSize  bytes per page, a power of two from 16 to 1 MiB
     * @param pageCount number of pages, at least 1
     * @return the open memory
     * @throws IllegalArgumentException for an impossible geometry
     * @throws IOException              if the file has another size, is locked by another process,
     *                                  or cannot be created or read
     */
    public static FileNonVolatileMemory open(Path file, int pageSize, int pageCount) throws IOException {
        Objects.requireNonNull(file, "file");
        if (pageSize < 16 || pageSize > (1 << 20) || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("page size must be a power of two from 16 to 1048576, got " + pageSize);
        }
        if (pageCount < 1) {
            throw new IllegalArgumentException("page count must be at least 1, got " + pageCount);
        }
        long expected = (long) pageSize * pageCount;
        if (expected > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("flash of " + expected + " bytes is too large");
        }
        if (!Files.exists(file)) {
            createErased(file, expected);
        }
        FileChannel data = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = data.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("flash file " + file + " is already in use by another process or instance");
            }
            long actual = data.size();
            if (actual != expected) {
                throw new IOException("flash file " + file + " has " + actual + " bytes, expected " + expected
                        + " (" + pageCount + " pages of " + pageSize + " bytes); refusing to reinterpret it");
            }
            PageJournal journal = new PageJournal(journalPath(file), pageSize);
            FileNonVolatileMemory memory = new FileNonVolatileMemory(file, pageSize, pageCount, data, lock, journal);
            try {
                memory.recover();
            } catch (IOException | RuntimeException e) {
                journal.close();
                throw e;
            }
            return memory;
        } catch (IOException | RuntimeException e) {
            data.close();
            throw e;
        }
    }

    /**
     * @param file a flash file
     * @return the journal file that belongs to it
     */
    public static Path journalPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".journal");
    }

    /** @return the flash file */
    public Path file() {
        return file;
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
    public synchronized void read(long address, byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        checkRange(address, length);
        ensureOpen();
        readFully(ByteBuffer.wrap(buffer, offset, length), address);
    }

    @Override
    public synchronized void write(long address, byte[] source, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, source.length);
        checkRange(address, length);
        ensureOpen();
        if (length == 0) {
            return;
        }
        Map<Integer, byte[]> changed = new TreeMap<>();
        int firstPage = (int) (address / pageSize);
        int lastPage = (int) ((address + length - 1) / pageSize);
        for (int page = firstPage; page <= lastPage; page++) {
            byte[] image = readPage(page);
            long pageStart = (long) page * pageSize;
            boolean differs = false;
            for (int i = 0; i < pageSize; i++) {
                long at = pageStart + i;
                if (at >= address && at < address + length) {
                    byte programmed = (byte) (image[i] & source[offset + (int) (at - address)]);
                    differs |= programmed != image[i];
                    image[i] = programmed;
                }
            }
            if (differs) {
                changed.put(page, image);
            }
        }
        commit(changed);
    }

    @Override
    public synchronized void erasePage(int page) throws IOException {
        if (page < 0 || page >= pageCount) {
            throw new IndexOutOfBoundsException("page " + page + " outside 0.." + (pageCount - 1) + " of flash " + file);
        }
        ensureOpen();
        byte[] erased = new byte[pageSize];
        Arrays.fill(erased, (byte) 0xFF);
        commit(Map.of(page, erased));
    }

    @Override
    public synchronized void sync() throws IOException {
        ensureOpen();
        data.force(true);
    }

    /** Releases the file and its lock. Closing twice is harmless. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (data; journal) {
            lock.release();
        }
    }

    @Override
    public String toString() {
        return "FileNonVolatileMemory[" + file + ", " + pageCount + " x " + pageSize + " bytes]";
    }

    /** Arms a simulated crash for the next write or erase (tests only). */
    synchronized void crashAt(CrashPoint point) {
        crashPoint = Objects.requireNonNull(point);
    }

    private void commit(Map<Integer, byte[]> pages) throws IOException {
        if (pages.isEmpty()) {
            return;
        }
        if (crashPoint == CrashPoint.DURING_JOURNAL) {
            journal.recordTorn(pages, 16 + pageSize / 2);
            die();
        }
        journal.record(pages);
        if (crashPoint == CrashPoint.AFTER_JOURNAL) {
            die();
        }
        for (Map.Entry<Integer, byte[]> page : pages.entrySet()) {
            int length = crashPoint == CrashPoint.DURING_APPLY ? pageSize / 2 : pageSize;
            writeFully(ByteBuffer.wrap(page.getValue(), 0, length), (long) page.getKey() * pageSize);
            if (crashPoint == CrashPoint.DURING_APPLY) {
                data.force(false);
                die();
            }
        }
        data.force(false);
        journal.clear();
    }

    /** Stops dead like a killed process: no cleanup, the journal stays as it is. */
    private void die() throws IOException {
        crashPoint = CrashPoint.NONE;
        close();
        throw new NvmFailureException("simulated crash while writing flash file " + file);
    }

    private void recover() throws IOException {
        Map<Integer, byte[]> committed = journal.load(pageCount);
        if (committed.isEmpty()) {
            journal.clear();
            return;
        }
        for (Map.Entry<Integer, byte[]> page : committed.entrySet()) {
            writeFully(ByteBuffer.wrap(page.getValue()), (long) page.getKey() * pageSize);
        }
        data.force(true);
        journal.clear();
        LOG.info("flash file {}: replayed {} page(s) of an interrupted write", file, committed.size());
    }

    private byte[] readPage(int page) throws IOException {
        byte[] image = new byte[pageSize];
        readFully(ByteBuffer.wrap(image), (long) page * pageSize);
        return image;
    }

    private void readFully(ByteBuffer target, long position) throws IOException {
        long at = position;
        while (target.hasRemaining()) {
            int n = data.read(target, at);
            if (n < 0) {
                throw new IOException("flash file " + file + " ended early at byte " + at);
            }
            at += n;
        }
    }

    private void writeFully(ByteBuffer source, long position) throws IOException {
        long at = position;
        while (source.hasRemaining()) {
            at += data.write(source, at);
        }
    }

    private void checkRange(long address, int length) {
        if (address < 0 || length < 0 || address + length > size()) {
            throw new IndexOutOfBoundsException("bytes " + address + ".." + (address + length - 1)
                    + " outside flash " + file + " of " + size() + " bytes");
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("flash file " + file + " is closed");
        }
    }

    private static void createErased(Path file, long size) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Build the erased image beside the target and move it into place, so a crash during
        // creation never leaves a short file that the next open would refuse.
        Path temp = file.resolveSibling(file.getFileName() + ".creating");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            byte[] chunk = new byte[(int) Math.min(size, 64 * 1024)];
            Arrays.fill(chunk, (byte) 0xFF);
            long written = 0;
            while (written < size) {
                ByteBuffer buf = ByteBuffer.wrap(chunk, 0, (int) Math.min(chunk.length, size - written));
                while (buf.hasRemaining()) {
                    written += out.write(buf, written);
                }
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("flash file {}: created erased, {} bytes", file, size);
    }
}
