package io.metermodem.cellular.sms;

import io.metermodem.hal.cellular.IncomingSms;
import io.metermodem.hal.cellular.OutgoingSms;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The codec to use until a TS 23.040 codec is plugged in (HAL-7): sending fails with
 * {@link UnsupportedOperationException}, and received messages are left in the module's storage
 * (the drivers do not delete what this codec cannot decode), so nothing is lost.
 */
public final class UnavailableSmsPduCodec implements SmsPduCodec {

    /** The one instance. */
    public static final UnavailableSmsPduCodec INSTANCE = new UnavailableSmsPduCodec();

    private UnavailableSmsPduCodec() {
    }

    @Override
    public List<SubmitPdu> encode(OutgoingSms sms) {
        throw new UnsupportedOperationException("no SMS PDU codec plugged in: cannot send SMS");
    }

    @Override
    public Optional<IncomingSms> decode(String pduHex, Instant now) {
        throw new UnsupportedOperationException("no SMS PDU codec plugged in: SMS left in the module's storage");
    }
}
