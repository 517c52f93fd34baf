package io.metermodem.sms.mread;

import java.util.concurrent.CompletionStage;

/**
 * Reads the three registers of {@code mread} (SMS-8) from the meter. Implementations complete on the
 * modem's scheduler, with the registers or exceptionally with a {@link MeterReadException}.
 */
@FunctionalInterface
public interface MeterRegisterReader {

    /** A reader for a modem without meter: every read fails with {@link MeterReadException.Kind#NO_METER}. */
    MeterRegisterReader NONE = () -> java.util.concurrent.CompletableFuture.failedFuture(
            new MeterReadException(MeterReadException.Kind.NO_METER, "no meter line on this modem"));

    /** @return completes with C.1.0, 0.9.2 and 0.9.1 */
    CompletionStage<MeterRegisters> read();
}
