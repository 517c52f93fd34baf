package io.metermodem.sms.pdu;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * TP-VP of an SMS-SUBMIT (TS 23.040 9.2.3.12), in one of the formats that TP-VPF selects.
 */
public sealed interface ValidityPeriod {

    /** No validity period (TP-VPF 00): the service centre's default applies. */
    record None() implements ValidityPeriod {
    }

    /**
     * Relative format (TP-VPF 10), one octet: 0..143 are (n+1)·5 minutes, 144..167 are 12 h + (n−143)·30
     * minutes, 168..196 are (n−166) days, 197..255 are (n−192) weeks.
     *
     * @param octet the TP-VP octet
     */
    record Relative(int octet) implements ValidityPeriod {
        /**
         * @throws IllegalArgumentException if {@code octet} is not 0..255
         */
        public Relative {
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("relative validity " + octet + " is not an octet");
            }
        }

        /** @return the period the octet stands for */
        public Duration duration() {
            if (octet <= 143) {
                return Duration.ofMinutes((octet + 1) * 5L);
            }
            if (octet <= 167) {
                return Duration.ofHours(12).plusMinutes((octet - 143) * 30L);
            }
            if (octet <= 196) {
                return Duration.ofDays(octet - 166L);
            }
            return Duration.ofDays(7L * (octet - 192));
        }

        /**
         * @param period a wanted validity
         * @return the shortest relative validity that is at least {@code period} (at most 63 weeks)
         */
        public static Relative atLeast(Duration period) {
            for (int octet = 0; octet < 255; octet++) {
                if (new Relative(octet).duration().compareTo(period) >= 0) {
                    return new Relative(octet);
                }
            }
            return new Relative(255);
        }
    }

    /**
     * Absolute format (TP-VPF 11): a time stamp as TP-SCTS encodes it.
     *
     * @param expiry when the message expires
     */
    record Absolute(OffsetDateTime expiry) implements ValidityPeriod {
        /** @throws NullPointerException if {@code expiry} is null */
        public Absolute {
            Objects.requireNonNull(expiry, "expiry");
        }
    }

    /**
     * Enhanced format (TP-VPF 01, TS 23.040 9.2.3.12.3): seven octets, the first a functionality
     * indicator (bit 6 single shot, bits 2..0 the format of the rest).
     *
     * @param octets the seven octets as sent
     */
    record Enhanced(byte[] octets) implements ValidityPeriod {
        /** @throws IllegalArgumentException if there are not exactly seven octets */
        public Enhanced {
            if (octets.length != 7) {
                throw new IllegalArgumentException("an enhanced validity period has 7 octets, not " + octets.length);
            }
            octets = octets.clone();
        }

        @Override
        public byte[] octets() {
            return octets.clone();
        }

        /** @return whether the single-shot bit is set */
        public boolean singleShot() {
            return (octets[0] & 0x40) != 0;
        }

        /**
         * @return the period: format 1 relative octet, 2 seconds 0..255, 3 hh:mm:ss in semi-octets;
         *         empty for format 0 (none), reserved formats, or bad semi-octets
         */
        public Optional<Duration> duration() {
            return switch (octets[0] & 7) {
                case 1 -> Optional.of(new Relative(octets[1] & 0xFF).duration());
                case 2 -> Optional.of(Duration.ofSeconds(octets[1] & 0xFF));
                case 3 -> {
                    int h = swappedBcd(octets[1]);
                    int m = swappedBcd(octets[2]);
                    int s = swappedBcd(octets[3]);
                    yield h < 0 || m < 0 || s < 0 ? Optional.empty()
                            : Optional.of(Duration.ofHours(h).plusMinutes(m).plusSeconds(s));
                }
                default -> Optional.empty();
            };
        }

        private static int swappedBcd(byte octet) {
            int low = octet & 0x0F;
            int high = (octet >>> 4) & 0x0F;
            return low > 9 || high > 9 ? -1 : low * 10 + high;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Enhanced e && Arrays.equals(octets, e.octets);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(octets);
        }

        @Override
        public String toString() {
            return "Enhanced" + Arrays.toString(octets);
        }
    }

    /** @return the 2-bit TP-VPF code */
    default int format() {
        return switch (this) {
            case None n -> 0b00;
            case Enhanced e -> 0b01;
            case Relative r -> 0b10;
            case Absolute a -> 0b11;
        };
    }
}
