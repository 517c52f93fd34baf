package io.metermodem.config.store;

import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.hal.nvm.NonVolatileMemory;
import java.io.IOException;

/**
 * A {@link MockFlash} that cuts power during the k-th erase from now, not only the next one: lets
 * the power-cut tests interrupt every erase of a commit.
 */
final class EraseCuttingFlash implements NonVolatileMemory {

    private final MockFlash flash;
    private int erasesUntilCut = -1;
    private int bytesErasedAtCut;
    private int erases;

    EraseCuttingFlash(MockFlash flash) {
        this.flash = flash;
    }

    /** Cuts power during erase number {@code index} (0 = the next) after {@code bytesErased} bytes. */
    void cutDuringErase(int index, int bytesErased) {
        erasesUntilCut = index;
        bytesErasedAtCut = bytesErased;
    }

    int erases() {
        return erases;
    }

    @Override
    public int pageSize() {
        return flash.pageSize();
    }

    @Override
    public int pageCount() {
        return flash.pageCount();
    }

    @Override
    public void read(long address, byte[] buffer, int offset, int length) throws IOException {
        flash.read(address, buffer, offset, length);
    }

    @Override
    public void write(long address, byte[] data, int offset, int length) throws IOException {
        flash.write(address, data, offset, length);
    }

    @Override
    public void erasePage(int page) throws IOException {
        if (erasesUntilCut == 0) {
            flash.cutPowerDuringNextErase(bytesErasedAtCut);
        }
        if (erasesUntilCut >= 0) {
            erasesUntilCut--;
        }
        erases++;
        flash.erasePage(page);
    }

    @Override
    public void sync() throws IOException {
        flash.sync();
    }
}
