package io.metermodem.cellular.at;

import java.util.Objects;

/**
 * What the sans-I/O {@link AtClientCore} asks its driver to do or tells it (HAL-7), in order.
 */
public sealed interface AtEvent {

    /**
     * Bytes to write to the module.
     *
     * @param bytes the bytes
     */
    record Transmit(byte[] bytes) implements AtEvent {
        /** Checks the bytes. */
        public Transmit {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * A command ended, with its final result or a timeout.
     *
     * @param response the lines and result
     */
    record Completed(AtResponse response) implements AtEvent {
    }

    /**
     * An unsolicited result code, complete with its continuation lines.
     *
     * @param urc the code
     */
    record Unsolicited(Urc urc) implements AtEvent {
    }

    /**
     * A line longer than the line buffer: its bytes up to the next line end were dropped.
     *
     * @param droppedBytes how many bytes were dropped
     */
    record LineOverflow(int droppedBytes) implements AtEvent {
    }

    /**
     * A line that belongs to no command: a late reply after a timeout, a stray result, garbage.
     *
     * @param line the line
     */
    record Discarded(String line) implements AtEvent {
    }

    /**
     * Bytes received in online data mode (after {@code CONNECT}).
     *
     * @param bytes the bytes
     */
    record Data(byte[] bytes) implements AtEvent {
        /** Checks the bytes. */
        public Data {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** Online data mode ended by {@code NO CARRIER} from the module (the far end or the network hung up). */
    record DataModeEnded() implements AtEvent {
    }

    /**
     * The client starts resynchronising after a timeout.
     *
     * @param attempt 1 for the first probe after a timeout
     */
    record ResyncStarted(int attempt) implements AtEvent {
    }

    /** The module answered the resynchronisation probe: commands flow again. */
    record ResyncDone() implements AtEvent {
    }

    /**
     * Resynchronisation failed or timeouts repeat: the driver should reset the module (a reset
     * line, or {@code AT+CFUN=1,1} sent blind). The client waits for the module to boot and probes again.
     *
     * @param resets how many resets were asked for in a row, 1 for the first
     */
    record ResetRequested(int resets) implements AtEvent {
    }
}
