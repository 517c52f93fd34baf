package io.metermodem.hal.mock.cellular;

import io.metermodem.hal.cellular.CellularException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Reads the state of a {@link CompletionStage} without blocking: tests run in virtual time. */
final class Outcome {

    private Outcome() {
    }

    static <T> boolean isPending(CompletionStage<T> stage) {
        return !stage.toCompletableFuture().isDone();
    }

    static <T> T value(CompletionStage<T> stage) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (!future.isDone()) {
            throw new AssertionError("operation still pending");
        }
        return future.join();
    }

    static <T> CellularException.Reason failure(CompletionStage<T> stage) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (!future.isDone()) {
            throw new AssertionError("operation still pending");
        }
        try {
            T value = future.join();
            throw new AssertionError("operation succeeded with " + value);
        } catch (CompletionException e) {
            if (e.getCause() instanceof CellularException ce) {
                return ce.reason();
            }
            throw new AssertionError("unexpected failure", e.getCause());
        }
    }
}
