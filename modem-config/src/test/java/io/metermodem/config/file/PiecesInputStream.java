package io.metermodem.config.file;

import java.io.InputStream;
import java.util.List;

/** A stream that hands out the given pieces one read at a time, as a pipe or socket would. */
final class PiecesInputStream extends InputStream {
    private final List<byte[]> pieces;
    private int piece;
    private int at;

    PiecesInputStream(List<byte[]> pieces) {
        this.pieces = pieces;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (piece >= pieces.size()) {
            return -1;
        }
        byte[] current = pieces.get(piece);
        int n = Math.min(length, current.length - at);
        System.arraycopy(current, at, buffer, offset, n);
        at += n;
        if (at == current.length) {
            piece++;
            at = 0;
        }
        return n;
    }
}
