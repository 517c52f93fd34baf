package io.metermodem.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The generator of one {@link Property} case: a {@link Random} seeded with the case's seed, with
 * helpers for the inputs our properties need. Sizes and numbers lean towards their edges (empty,
 * smallest, largest, the values next to them) about one draw in five, as the cases that break
 * parsers most often live there; the rest are uniform.
 *
 * <p>Every value comes from the seed, so the same seed gives the same case, always: draw
 * everything through this object, never from another source of randomness.
 */
public final class Gen {

    private static final double EDGE = 0.2;

    private final long seed;
    private final Random random;

    /**
     * @param seed the case's seed
     */
    public Gen(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** @return the seed this case was generated from */
    public long seed() {
        return seed;
    }

    /** @return the underlying random source, for APIs that take a {@link Random} */
    public Random random() {
        return random;
    }

    /** @return a fair coin */
    public boolean bool() {
        return random.nextBoolean();
    }

    /**
     * @param probability chance of {@code true}, 0 to 1
     * @return a biased coin
     */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /**
     * @param min smallest value, inclusive
     * @param max largest value, inclusive
     * @return a value in the range, leaning towards its edges
     */
    public int intBetween(int min, int max) {
        return (int) longBetween(min, max);
    }

    /**
     * @param min smallest value, inclusive
     * @param max largest value, inclusive
     * @return a value in the range, uniformly
     */
    public int uniformInt(int min, int max) {
        return (int) uniformLong(min, max);
    }

    /**
     * @param min smallest value, inclusive
     * @param max largest value, inclusive
     * @return a value in the range, leaning towards its edges (and zero, when in range)
     */
    public long longBetween(long min, long max) {
        checkRange(min, max);
        if (random.nextDouble() < EDGE) {
            switch (random.nextInt(5)) {
                case 0:
                    return min;
                case 1:
                    return max;
                case 2:
                    return min < max ? min + 1 : min;
                case 3:
                    return min < max ? max - 1 : max;
                default:
                    if (min <= 0 && 0 <= max) {
                        return 0;
                    }
                    return min;
            }
        }
        return uniformLong(min, max);
    }

    /**
     * @param min smallest value, inclusive
     * @param max largest value, inclusive
     * @return a value in the range, uniformly
     */
    public long uniformLong(long min, long max) {
        checkRange(min, max);
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return random.nextLong();
        }
        if (max == Long.MAX_VALUE) {
            return random.nextLong(min - 1, max) + 1;
        }
        return random.nextLong(min, max + 1);
    }

    /**
     * A size: the smallest one in one draw in ten, the largest in one in twenty, small ones often.
     *
     * @param min smallest size, inclusive
     * @param max largest size, inclusive
     * @return a size in the range
     */
    public int size(int min, int max) {
        checkRange(min, max);
        double draw = random.nextDouble();
        if (draw < 0.1) {
            return min;
        }
        if (draw < 0.15) {
            return max;
        }
        if (draw < 0.45) {
            return uniformInt(min, Math.min(max, min + 8));
        }
        return uniformInt(min, max);
    }

    /**
     * @param minLength shortest, inclusive
     * @param maxLength longest, inclusive
     * @return bytes of any value, with 00, 7F, 80 and FF more often than chance
     */
    public byte[] bytes(int minLength, int maxLength) {
        byte[] bytes = new byte[size(minLength, maxLength)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = anyByte();
        }
        return bytes;
    }

    /**
     * @param minLength shortest, inclusive
     * @param maxLength longest, inclusive
     * @param alphabet the bytes to draw from
     * @return bytes drawn from the alphabet only
     */
    public byte[] bytesOf(int minLength, int maxLength, byte... alphabet) {
        if (alphabet.length == 0) {
            throw new IllegalArgumentException("empty alphabet");
        }
        byte[] bytes = new byte[size(minLength, maxLength)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return bytes;
    }

    /** @return one byte of any value, with 00, 7F, 80 and FF more often than chance */
    public byte anyByte() {
        if (random.nextDouble() < 0.1) {
            return switch (random.nextInt(4)) {
                case 0 -> (byte) 0x00;
                case 1 -> (byte) 0x7F;
                case 2 -> (byte) 0x80;
                default -> (byte) 0xFF;
            };
        }
        return (byte) random.nextInt(256);
    }

    /**
     * @param minLength shortest, inclusive
     * @param maxLength longest, inclusive
     * @param alphabet the characters to draw from
     * @return a string of characters of the alphabet
     */
    public String string(int minLength, int maxLength, String alphabet) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("empty alphabet");
        }
        int length = size(minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /**
     * @param minLength shortest, inclusive
     * @param maxLength longest, inclusive
     * @param first smallest character, inclusive
     * @param last largest character, inclusive
     * @return a string of characters in the range
     */
    public String string(int minLength, int maxLength, char first, char last) {
        int length = size(minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(charBetween(first, last));
        }
        return text.toString();
    }

    /**
     * @param first smallest character, inclusive
     * @param last largest character, inclusive
     * @return a character in the range, leaning towards its edges
     */
    public char charBetween(char first, char last) {
        return (char) intBetween(first, last);
    }

    /**
     * @param minLength shortest, inclusive
     * @param maxLength longest, inclusive
     * @return a string of US-ASCII characters, control characters included (0 to 127)
     */
    public String ascii(int minLength, int maxLength) {
        return string(minLength, maxLength, (char) 0, (char) 0x7F);
    }

    /**
     * @param minLength shortest, inclusive
     * @param maxLength longest, inclusive
     * @return a string of printable US-ASCII characters (space to tilde)
     */
    public String printable(int minLength, int maxLength) {
        return string(minLength, maxLength, ' ', '~');
    }

    /**
     * @param minLength shortest, inclusive
     * @param maxLength longest, inclusive
     * @return a string of any UTF-16 code units, lone surrogates included
     */
    public String anyChars(int minLength, int maxLength) {
        return string(minLength, maxLength, Character.MIN_VALUE, Character.MAX_VALUE);
    }

    /**
     * @param minLength shortest, inclusive
     * @param maxLength longest, inclusive
     * @return a string of ASCII letters and digits
     */
    public String alphanumeric(int minLength, int maxLength) {
        return string(minLength, maxLength, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    }

    /**
     * @param values the choices
     * @param <T> their type
     * @return one of them, uniformly
     */
    @SafeVarargs
    public final <T> T oneOf(T... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        return values[random.nextInt(values.length)];
    }

    /**
     * @param values the choices
     * @param <T> their type
     * @return one of them, uniformly
     */
    public <T> T oneOf(List<? extends T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        return values.get(random.nextInt(values.size()));
    }

    /**
     * @param minSize fewest elements, inclusive
     * @param maxSize most elements, inclusive
     * @param element draws one element (from this generator)
     * @param <T> their type
     * @return a list of drawn elements
     */
    public <T> List<T> listOf(int minSize, int maxSize, Supplier<? extends T> element) {
        int size = size(minSize, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /**
     * @param values the elements
     * @param <T> their type
     * @return a new list of the same elements in a random order
     */
    public <T> List<T> shuffled(List<? extends T> values) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy;
    }

    /**
     * Splits bytes at random points, the way a stream might deliver them: sometimes whole,
     * sometimes a byte at a time, usually in runs of mixed sizes.
     *
     * @param data the bytes
     * @return consecutive non-empty pieces that together are {@code data} (none for empty data)
     */
    public List<byte[]> chunks(byte[] data) {
        List<byte[]> pieces = new ArrayList<>();
        int mode = random.nextInt(10);
        int at = 0;
        while (at < data.length) {
            int left = data.length - at;
            int length = switch (mode) {
                case 0 -> left;
                case 1 -> 1;
                default -> 1 + random.nextInt(Math.min(left, 1 + random.nextInt(32)));
            };
            byte[] piece = new byte[length];
            System.arraycopy(data, at, piece, 0, length);
            pieces.add(piece);
            at += length;
        }
        return pieces;
    }

    private static void checkRange(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
    }

    /** Shown as the case's name in test reports. */
    @Override
    public String toString() {
        return "seed=" + seed;
    }
}
