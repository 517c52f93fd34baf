package io.metermodem.testkit.module;

import io.metermodem.sms.pdu.Address;
import io.metermodem.sms.pdu.EncodeOptions;
import io.metermodem.sms.pdu.EncodedPart;
import io.metermodem.sms.pdu.MalformedPduException;
import io.metermodem.sms.pdu.Sms;
import io.metermodem.sms.pdu.SmsPdu;
import io.metermodem.sms.pdu.SmsSubmit;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated module's network side of SMS on the real TS 23.040 codec of {@code modem-sms-pdu}
 * (HAL-7, SMS-13): incoming texts become SMS-DELIVER PDUs (7-bit or UCS-2, concatenated when long,
 * SMSC {@link #SERVICE_CENTRE}, time stamps in UTC), and what the driver submits is decoded and
 * reassembled by destination and reference.
 *
 * <p>Bounded: at most {@link #MAX_PENDING} submitted messages wait for missing parts; a further one
 * evicts the oldest. Not thread-safe: the simulated module calls it from its scheduler.
 */
public final class Ts23040ModuleSmsCodec implements ModuleSmsCodec {

    /** The service centre the simulated network stamps on delivered messages. */
    public static final String SERVICE_CENTRE = "+3620000000";
    /** Submitted concatenated messages waiting for parts, at most. */
    public static final int MAX_PENDING = 16;

    private final Map<String, String[]> pending = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private int nextReference;

    @Override
    public List<String> encodeDeliver(String originator, String text, Instant serviceCentreTime) {
        Objects.requireNonNull(serviceCentreTime, "serviceCentreTime");
        int reference = nextReference;
        nextReference = (nextReference + 1) & 0xFF;
        List<EncodedPart> parts = SmsPdu.encodeDeliver(Address.of(originator), serviceCentreTime.atOffset(ZoneOffset.UTC),
                text, EncodeOptions.defaults().withServiceCentre(Address.of(SERVICE_CENTRE))
                        .withConcatReference(reference, false));
        return parts.stream().map(EncodedPart::hex).toList();
    }

    @Override
    public Optional<SubmittedSms> decodeSubmit(String tpduHex) {
        Sms sms;
        try {
            sms = SmsPdu.decodeTpdu(tpduHex);
        } catch (MalformedPduException e) {
            throw new IllegalArgumentException("not a valid SMS-SUBMIT: " + e.getMessage(), e);
        }
        if (!(sms instanceof SmsSubmit submit)) {
            throw new IllegalArgumentException("expected an SMS-SUBMIT, got " + SmsPdu.typeName(sms));
        }
        String destination = submit.destination().toString();
        if (submit.concat().isEmpty()) {
            return Optional.of(new SubmittedSms(destination, submit.text()));
        }
        var concat = submit.concat().get();
        String key = destination + "/" + concat.reference() + "/" + concat.total();
        String[] parts = pending.get(key);
        if (parts == null) {
            if (order.size() >= MAX_PENDING) {
                pending.remove(order.remove(0));
            }
            parts = new String[concat.total()];
            pending.put(key, parts);
            order.add(key);
        }
        parts[concat.sequence() - 1] = submit.text();
        for (String part : parts) {
            if (part == null) {
                return Optional.empty();
            }
        }
        pending.remove(key);
        order.remove(key);
        return Optional.of(new SubmittedSms(destination, String.join("", parts)));
    }
}
