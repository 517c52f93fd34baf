package io.metermodem.sms.service;

import java.util.Objects;

/** How a queued SMS ended. */
public sealed interface SendResult {

    /** @return attempts made (0 when none was) */
    int attempts();

    /**
     * The network accepted the message.
     *
     * @param reference the message reference of its (last) part
     * @param attempts  attempts made
     */
    record Sent(int reference, int attempts) implements SendResult {
    }

    /**
     * Given up: the queue was full, every attempt failed, or the deadline passed.
     *
     * @param reason   why, for logs
     * @param attempts attempts made
     */
    record Failed(String reason, int attempts) implements SendResult {
        /** Checks the reason is present. */
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
