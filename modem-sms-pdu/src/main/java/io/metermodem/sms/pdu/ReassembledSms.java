package io.metermodem.sms.pdu;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A whole message: a single SMS-DELIVER, or every part of a concatenated one in sequence order.
 *
 * @param originator the sender
 * @param parts      the parts, first to last
 */
public record ReassembledSms(Address originator, List<SmsDeliver> parts) {

    /**
     * @throws IllegalArgumentException if there are no parts
     */
    public ReassembledSms {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a message has at least one part");
        }
    }

    /** @return the texts of the parts joined (a surrogate pair split between parts joins up again) */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (SmsDeliver part : parts) {
            text.append(part.text());
        }
        return text.toString();
    }

    /** @return the 8-bit data of the parts joined */
    public byte[] binary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SmsDeliver part : parts) {
            out.writeBytes(part.userData().binary());
        }
        return out.toByteArray();
    }

    /** @return the first part, whose time stamp and data coding stand for the message */
    public SmsDeliver first() {
        return parts.get(0);
    }
}
