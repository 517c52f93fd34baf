package io.metermodem.cellular.sms;

import io.metermodem.hal.cellular.IncomingSms;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.sms.pdu.Address;
import io.metermodem.sms.pdu.Alphabet;
import io.metermodem.sms.pdu.EncodeOptions;
import io.metermodem.sms.pdu.EncodedPart;
import io.metermodem.sms.pdu.IncompleteSms;
import io.metermodem.sms.pdu.ReassemblyResult;
import io.metermodem.sms.pdu.Reassembler;
import io.metermodem.sms.pdu.SmsDeliver;
import io.metermodem.sms.pdu.SmsPdu;
import io.metermodem.sms.pdu.TypeOfNumber;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drivers' SMS codec on the TS 23.040 codec of {@code modem-sms-pdu} (HAL-7, SMS-13): texts go
 * out as SMS-SUBMIT in the GSM 7-bit alphabet when every character has a GSM code, UCS-2 otherwise,
 * concatenated with an 8-bit reference when they do not fit one part; received SMS-DELIVER parts are
 * reassembled in a bounded {@link Reassembler}.
 *
 * <p>Limits and decisions:
 * <ul>
 *   <li>incomplete concatenations are dropped, with a log line, after {@link #DEFAULT_TIMEOUT}
 *       (the next {@link #decode} after that time cleans them up); at most {@link #DEFAULT_MESSAGES}
 *       messages and {@link #DEFAULT_PARTS} parts wait, the oldest is evicted first;</li>
 *   <li>a message from an alphanumeric sender (a network operator's or a service's name) cannot be
 *       answered and the HAL's {@link IncomingSms} carries numbers only: it is reported as a
 *       {@link MalformedPduException}, so the driver deletes it from the module's storage;</li>
 *   <li>8-bit data messages are taken as ISO-8859-1 text, one character per octet.</li>
 * </ul>
 *
 * <p>Not thread-safe: the drivers call it from their scheduler thread only.
 */
public final class Ts23040SmsPduCodec implements SmsPduCodec {

    /** How long the parts of a concatenated message wait for the missing ones. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** Concatenated messages being reassembled at once, at most. */
    public static final int DEFAULT_MESSAGES = 16;
    /** Parts held for reassembly in total, at most. */
    public static final int DEFAULT_PARTS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(Ts23040SmsPduCodec.class);

    private final Reassembler reassembler;
    private int nextReference;

    /** A codec with the default reassembly limits. */
    public Ts23040SmsPduCodec() {
        this(DEFAULT_TIMEOUT, DEFAULT_MESSAGES, DEFAULT_PARTS, 0);
    }

    /**
     * A codec with chosen limits.
     *
     * @param timeout          how long parts wait for the rest of their message
     * @param maxMessages      messages under reassembly at most
     * @param maxParts         parts held at most
     * @param firstReference   the concatenation reference of the first long message sent (0..255);
     *                         each long message takes the next one
     */
    public Ts23040SmsPduCodec(Duration timeout, int maxMessages, int maxParts, int firstReference) {
        Objects.requireNonNull(timeout, "timeout");
        if (firstReference < 0 || firstReference > 255) {
            throw new IllegalArgumentException("reference must be 0..255, got " + firstReference);
        }
        this.reassembler = new Reassembler(timeout, maxMessages, maxParts);
        this.nextReference = firstReference;
    }

    @Override
    public List<SubmitPdu> encode(OutgoingSms sms) {
        Objects.requireNonNull(sms, "sms");
        int reference = nextReference;
        nextReference = (nextReference + 1) & 0xFF;
        List<EncodedPart> parts = SmsPdu.encodeSubmit(Address.of(sms.destination()), sms.text(),
                EncodeOptions.defaults().withConcatReference(reference, false));
        List<SubmitPdu> out = new ArrayList<>(parts.size());
        for (EncodedPart part : parts) {
            out.add(new SubmitPdu(part.tpduHex(), part.tpduLength()));
        }
        return out;
    }

    @Override
    public Optional<IncomingSms> decode(String pduHex, Instant now) throws MalformedPduException {
        Objects.requireNonNull(now, "now");
        for (IncompleteSms dropped : reassembler.expire(now)) {
            logDropped(dropped);
        }
        SmsDeliver part;
        try {
            part = SmsPdu.decodeDeliver(pduHex);
        } catch (io.metermodem.sms.pdu.MalformedPduException e) {
            throw new MalformedPduException(e.getMessage());
        }
        if (part.originator().type() == TypeOfNumber.ALPHANUMERIC) {
            throw new MalformedPduException("SMS from the alphanumeric sender '" + part.originator().digits()
                    + "' cannot be answered; not taken");
        }
        String originator = part.originator().toString();
        if (part.concat().isEmpty()) {
            return Optional.of(new IncomingSms(originator, part.serviceCentreTime().toInstant(),
                    textOf(part, part.text(), part.userData().binary())));
        }
        ReassemblyResult result = reassembler.accept(part, now);
        if (result instanceof ReassemblyResult.Complete complete) {
            return Optional.of(new IncomingSms(originator, complete.message().first().serviceCentreTime().toInstant(),
                    textOf(complete.message().first(), complete.message().text(), complete.message().binary())));
        }
        if (result instanceof ReassemblyResult.Pending pending) {
            pending.evicted().forEach(Ts23040SmsPduCodec::logDropped);
        }
        return Optional.empty();
    }

    /** @return concatenated messages waiting for parts */
    public int pendingMessages() {
        return reassembler.pendingMessages();
    }

    private static String textOf(SmsDeliver first, String text, byte[] binary) {
        return first.dataCoding().alphabet() == Alphabet.DATA_8BIT ? new String(binary, StandardCharsets.ISO_8859_1) : text;
    }

    private static void logDropped(IncompleteSms dropped) {
        LOG.warn("SMS from {} dropped ({}): parts {} of {} never arrived", dropped.originator(),
                dropped.reason(), dropped.missing(), dropped.total());
    }
}
