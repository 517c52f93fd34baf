package io.metermodem.hal.pi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.nvm.NvmFailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The flash file: NOR semantics, persistence and crash safety (HAL-6). */
// A safety net against a hang in real files with fsync; not a speed assertion.
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FileNonVolatileMemoryTest {

    private static final int PAGE = 64;
    private static final int PAGES = 8;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("flash.bin");
    }

    private FileNonVolatileMemory open() throws IOException {
        return FileNonVolatileMemory.open(file(), PAGE, PAGES);
    }

    private static byte[] read(FileNonVolatileMemory flash, long address, int length) throws IOException {
        byte[] out = new byte[length];
        flash.read(address, out, 0, length);
        return out;
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    @DisplayName("HAL-6: a missing flash file is created erased (all 0xFF) with pageCount*pageSize bytes")
    void createdErased() throws IOException {
        try (FileNonVolatileMemory flash = open()) {
            assertEquals(PAGE * PAGES, Files.size(file()));
            assertArrayEquals(filled(PAGE * PAGES, 0xFF), read(flash, 0, PAGE * PAGES));
        }
    }

    @Test
    @DisplayName("HAL-6: programming can only clear bits (old & new); erase sets the page back to 0xFF")
    void norSemantics() throws IOException {
        try (FileNonVolatileMemory flash = open()) {
            flash.write(10, new byte[] {(byte) 0xF0}, 0, 1);
            flash.write(10, new byte[] {(byte) 0x3C}, 0, 1);
            assertEquals((byte) 0x30, read(flash, 10, 1)[0]);

            flash.erasePage(0);

            assertEquals((byte) 0xFF, read(flash, 10, 1)[0]);
        }
    }

    @Test
    @DisplayName("HAL-6: data survives closing and reopening the file")
    void persistsAcrossReopen() throws IOException {
        byte[] record = "config v1".getBytes();
        try (FileNonVolatileMemory flash = open()) {
            flash.write(PAGE - 4, record, 0, record.length); // spans pages 0 and 1
            flash.sync();
        }

        try (FileNonVolatileMemory flash = open()) {
            assertArrayEquals(record, read(flash, PAGE - 4, record.length));
        }
    }

    @Test
    @DisplayName("HAL-6: a file of the wrong size is refused with both sizes in the message")
    void wrongSizeRefused() throws IOException {
        Files.write(file(), new byte[100]);

        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains("100") && e.getMessage().contains(String.valueOf(PAGE * PAGES)), e.getMessage());
    }

    @Test
    @DisplayName("HAL-6: addresses and pages outside the memory are refused")
    void boundsChecked() throws IOException {
        try (FileNonVolatileMemory flash = open()) {
            assertThrows(IndexOutOfBoundsException.class, () -> flash.read(PAGE * PAGES - 1, new byte[2], 0, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> flash.write(-1, new byte[1], 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> flash.erasePage(PAGES));
            assertThrows(IndexOutOfBoundsException.class, () -> flash.read(0, new byte[2], 1, 2));
        }
    }

    @Test
    @DisplayName("HAL-6: a second open of the same flash file is refused while the first holds it")
    void exclusive() throws IOException {
        try (FileNonVolatileMemory flash = open()) {
            IOException e = assertThrows(IOException.class, this::open);
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            assertEquals(PAGES, flash.pageCount());
        }
    }

    @Test
    @DisplayName("HAL-6: a crash while journalling leaves the old content on reopen")
    void crashDuringJournalKeepsOld() throws IOException {
        byte[] before;
        try (FileNonVolatileMemory flash = open()) {
            flash.write(0, filled(PAGE, 0x0F), 0, PAGE);
            before = read(flash, 0, PAGE * 2);
            flash.crashAt(FileNonVolatileMemory.CrashPoint.DURING_JOURNAL);
            assertThrows(NvmFailureException.class, () -> flash.write(0, filled(PAGE * 2, 0x00), 0, PAGE * 2));
        }

        try (FileNonVolatileMemory flash = open()) {
            assertArrayEquals(before, read(flash, 0, PAGE * 2));
        }
    }

    @Test
    @DisplayName("HAL-6: a crash after the journal commit is completed on reopen, across every touched page")
    void crashAfterJournalIsReplayed() throws IOException {
        try (FileNonVolatileMemory flash = open()) {
            flash.crashAt(FileNonVolatileMemory.CrashPoint.AFTER_JOURNAL);
            assertThrows(NvmFailureException.class, () -> flash.write(PAGE / 2, filled(PAGE, 0x5A), 0, PAGE));
        }
        assertTrue(Files.size(FileNonVolatileMemory.journalPath(file())) > 0);

        try (FileNonVolatileMemory flash = open()) {
            assertArrayEquals(filled(PAGE, 0x5A), read(flash, PAGE / 2, PAGE));
            assertEquals(0, Files.size(FileNonVolatileMemory.journalPath(file())));
        }
    }

    @Test
    @DisplayName("HAL-6: a page torn half way while being copied into place is whole again after reopen")
    void tornPageRepaired() throws IOException {
        try (FileNonVolatileMemory flash = open()) {
            flash.crashAt(FileNonVolatileMemory.CrashPoint.DURING_APPLY);
            assertThrows(NvmFailureException.class, () -> flash.write(PAGE, filled(PAGE, 0x00), 0, PAGE));
        }
        byte[] raw = Files.readAllBytes(file());
        assertEquals(0x00, raw[PAGE]);
        assertEquals((byte) 0xFF, raw[2 * PAGE - 1]); // the torn state the journal must repair

        try (FileNonVolatileMemory flash = open()) {
            assertArrayEquals(filled(PAGE, 0x00), read(flash, PAGE, PAGE));
        }
    }
}
