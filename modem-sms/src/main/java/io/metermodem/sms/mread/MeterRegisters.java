package io.metermodem.sms.mread;

import java.util.Objects;

/**
 * The registers {@code mread} answers with (SMS-8); a register the meter did not send is empty.
 *
 * @param meterAddress C.1.0, the meter's serial number / IEC address
 * @param meterDate    0.9.2, the meter's date
 * @param meterTime    0.9.1, the meter's time
 */
public record MeterRegisters(String meterAddress, String meterDate, String meterTime) {

    /** Checks every part is present. */
    public MeterRegisters {
        Objects.requireNonNull(meterAddress, "meterAddress");
        Objects.requireNonNull(meterDate, "meterDate");
        Objects.requireNonNull(meterTime, "meterTime");
    }

    /** @return the manual's reply {@code (<C.1.0>)\r\n<0.9.2>\r\n<0.9.1>\r\n} with real CR LF */
    public String toReply() {
        return "(" + meterAddress + ")\r\n" + meterDate + "\r\n" + meterTime + "\r\n";
    }
}
