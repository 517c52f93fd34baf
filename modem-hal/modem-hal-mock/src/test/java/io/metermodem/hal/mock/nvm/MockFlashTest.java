package io.metermodem.hal.mock.nvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.nvm.NvmFailureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MockFlashTest {

    private final MockFlash flash = new MockFlash(256, 4);

    private byte[] read(long address, int length) throws IOException {
        byte[] buffer = new byte[length];
        flash.read(address, buffer, 0, length);
        return buffer;
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    @DisplayName("HAL-6: a new flash is erased (0xFF) and the default one is 8 pages of 4 KiB")
    void erasedAtStart() throws IOException {
        assertArrayEquals(filled(1024, 0xFF), read(0, 1024));
        MockFlash standard = new MockFlash();
        assertEquals(4096, standard.pageSize());
        assertEquals(8, standard.pageCount());
        assertEquals(32 * 1024, standard.size());
        assertEquals(0, standard.materialisedPages());
    }

    @Test
    @DisplayName("HAL-6: programming can only clear bits: the stored byte becomes old AND new")
    void writeIsAnd() throws IOException {
        flash.write(10, bytes(0xF0, 0x0F), 0, 2);
        flash.write(10, bytes(0x3C, 0xFF), 0, 2);

        assertArrayEquals(bytes(0x30, 0x0F), read(10, 2));
    }

    @Test
    @DisplayName("HAL-6: erase sets exactly one page back to 0xFF and counts wear per page")
    void eraseAndWear() throws IOException {
        flash.write(0, filled(1024, 0x00), 0, 1024);

        flash.erasePage(1);
        flash.erasePage(1);
        flash.erasePage(3);

        assertArrayEquals(filled(256, 0x00), read(0, 256));
        assertArrayEquals(filled(256, 0xFF), read(256, 256));
        assertArrayEquals(filled(256, 0x00), read(512, 256));
        assertEquals(0, flash.eraseCount(0));
        assertEquals(2, flash.eraseCount(1));
        assertEquals(1, flash.eraseCount(3));
        assertEquals(2, flash.maxEraseCount());
        assertEquals(3, flash.statistics().erases());
    }

    @Test
    @DisplayName("HAL-6: a write may cross page boundaries")
    void crossPage() throws IOException {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }

        flash.write(200, data, 0, 300);

        assertArrayEquals(data, read(200, 300));
        assertEquals(0xFF, read(199, 1)[0] & 0xFF);
        assertEquals(0xFF, read(500, 1)[0] & 0xFF);
        assertEquals(2, flash.materialisedPages());
    }

    @Test
    @DisplayName("HAL-6: reads and writes outside the flash or the buffer are refused with a clear message")
    void bounds() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> flash.write(1020, new byte[8], 0, 8));
        assertTrue(e.getMessage().contains("0x3FC"), e.getMessage());
        assertTrue(e.getMessage().contains("1024"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> flash.read(-1, new byte[1], 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> flash.read(0, new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> flash.erasePage(4));
        assertThrows(IllegalArgumentException.class, () -> new MockFlash(100, 4));
        assertThrows(IllegalArgumentException.class, () -> new MockFlash(256, 0));
    }

    @ParameterizedTest(name = "cut after {0} bytes")
    @ValueSource(ints = {0, 1, 2, 5, 7, 8})
    @DisplayName("HAL-6: a power cut after N bytes of a write leaves exactly the first N bytes programmed")
    void powerCutAfterN(int n) throws IOException {
        byte[] record = bytes(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08);
        flash.cutPowerAfterBytes(n);

        assertThrows(NvmFailureException.class, () -> flash.write(100, record, 0, record.length));

        assertFalse(flash.isPowered());
        assertThrows(NvmFailureException.class, () -> read(100, 8));
        assertThrows(NvmFailureException.class, () -> flash.erasePage(0));
        assertThrows(NvmFailureException.class, flash::sync);
        flash.restorePower();
        byte[] expected = filled(8, 0xFF);
        System.arraycopy(record, 0, expected, 0, n);
        assertArrayEquals(expected, read(100, 8));
        assertEquals(n, flash.statistics().bytesProgrammed());
    }

    @Test
    @DisplayName("HAL-6: the byte count of a power cut runs across several writes")
    void powerCutAcrossWrites() throws IOException {
        flash.cutPowerAfterBytes(5);
        flash.write(0, bytes(1, 2, 3), 0, 3);

        NvmFailureException e = assertThrows(NvmFailureException.class, () -> flash.write(3, bytes(4, 5, 6, 7), 0, 4));

        assertTrue(e.getMessage().contains("after 2 of 4 bytes"), e.getMessage());
        flash.restorePower();
        assertArrayEquals(bytes(1, 2, 3, 4, 5, 0xFF, 0xFF), read(0, 7));
        flash.write(5, bytes(6), 0, 1); // disarmed after the cut
        assertEquals(6, read(5, 1)[0]);
    }

    @Test
    @DisplayName("HAL-6: a power cut during an erase leaves the first half erased and the rest unchanged")
    void powerCutDuringErase() throws IOException {
        flash.write(256, filled(256, 0x00), 0, 256);
        flash.cutPowerDuringNextErase();

        assertThrows(NvmFailureException.class, () -> flash.erasePage(1));

        flash.restorePower();
        assertArrayEquals(filled(128, 0xFF), read(256, 128));
        assertArrayEquals(filled(128, 0x00), read(384, 128));
        assertEquals(1, flash.eraseCount(1));
        flash.erasePage(1);
        assertArrayEquals(filled(256, 0xFF), read(256, 256));
    }

    @Test
    @DisplayName("HAL-6: an immediate power cut refuses everything until power returns")
    void immediateCut() throws IOException {
        flash.cutPower();
        NvmFailureException e = assertThrows(NvmFailureException.class, () -> flash.write(0, bytes(0), 0, 1));
        assertTrue(e.getMessage().contains("no power"), e.getMessage());
        flash.restorePower();
        flash.write(0, bytes(0), 0, 1);
        assertEquals(0, read(0, 1)[0]);
    }

    @Test
    @DisplayName("HAL-6: a flipped bit changes exactly one bit and can be flipped back")
    void bitFlip() throws IOException {
        flash.write(42, bytes(0x55), 0, 1);

        flash.flipBit(42, 1);
        assertEquals(0x57, read(42, 1)[0] & 0xFF);
        flash.flipBit(42, 1);
        assertEquals(0x55, read(42, 1)[0] & 0xFF);
        flash.flipBit(1000, 7); // in an erased page
        assertEquals(0x7F, read(1000, 1)[0] & 0xFF);
        assertThrows(IllegalArgumentException.class, () -> flash.flipBit(0, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> flash.flipBit(1024, 0));
    }

    @Test
    @DisplayName("HAL-6: a snapshot is a copy of the whole contents and shows whether a secret is stored")
    void snapshotAndContains() throws IOException {
        byte[] secret = "apn-password".getBytes(StandardCharsets.US_ASCII);
        flash.write(250, secret, 0, secret.length); // crosses into page 1

        byte[] image = flash.snapshot();
        image[250] = 0;

        assertEquals(1024, image.length);
        assertEquals('a', read(250, 1)[0]);
        assertTrue(flash.contains(secret));
        assertFalse(flash.contains("apn-passworD".getBytes(StandardCharsets.US_ASCII)));
        long readsBefore = flash.statistics().reads();
        flash.snapshot();
        assertEquals(readsBefore, flash.statistics().reads());
    }

    @Test
    @DisplayName("HAL-6: loading an image replaces the contents without wear; erased pages take no memory")
    void loadFrom() throws IOException {
        byte[] image = filled(300, 0xFF);
        image[299] = 0x12;

        flash.loadFrom(image);

        assertEquals(0x12, read(299, 1)[0]);
        assertEquals(1, flash.materialisedPages());
        assertEquals(0, flash.maxEraseCount());
        assertThrows(IllegalArgumentException.class, () -> flash.loadFrom(new byte[1025]));
    }

    @Test
    @DisplayName("HAL-6: statistics count operations and bytes")
    void statistics() throws IOException {
        flash.write(0, bytes(1, 2, 3), 0, 3);
        read(0, 2);
        flash.erasePage(2);
        flash.sync();

        FlashStatistics s = flash.statistics();

        assertEquals(new FlashStatistics(1, 1, 1, 1, 2, 3), s);
        assertEquals(4, s.operations());
    }

    @Test
    @DisplayName("HAL-6: a cut armed for a later erase lets the earlier erases complete and stops that one part way")
    void cutDuringALaterErase() throws Exception {
        MockFlash flash = new MockFlash(256, 4);
        byte[] zeros = new byte[256];
        for (int page = 0; page < 3; page++) {
            flash.write(page * 256L, zeros, 0, 256);
        }
        flash.cutPowerDuringErase(2, 10);

        flash.erasePage(0);
        flash.erasePage(1);
        assertThrows(NvmFailureException.class, () -> flash.erasePage(2));
        flash.restorePower();

        byte[] page2 = new byte[256];
        flash.read(512, page2, 0, 256);
        assertEquals((byte) 0xFF, page2[9]);
        assertEquals(0, page2[10]);
        byte[] page1 = new byte[1];
        flash.read(256 + 200, page1, 0, 1);
        assertEquals((byte) 0xFF, page1[0]);
        flash.erasePage(3); // disarmed after it fired
        assertEquals(4, flash.statistics().erases());
    }

    @Test
    @DisplayName("HAL-6: a cell stuck at zero programs as 0x00 whatever is written, and an erase still sets it")
    void stuckCell() throws Exception {
        MockFlash flash = new MockFlash(256, 2);
        flash.stickAtZero(5);
        flash.write(0, new byte[] {1, 2, 3, 4, 5, 6, 7}, 0, 7);
        byte[] back = new byte[7];
        flash.read(0, back, 0, 7);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 0, 7}, back);
        flash.erasePage(0);
        flash.read(5, back, 0, 1);
        assertEquals((byte) 0xFF, back[0]);
        assertThrows(IndexOutOfBoundsException.class, () -> flash.stickAtZero(512));
    }
}
