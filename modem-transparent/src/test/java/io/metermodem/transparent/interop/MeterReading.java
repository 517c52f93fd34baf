package io.metermodem.transparent.interop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link GuruxHes} read from a meter in one session.
 *
 * @param identification    the IEC 62056-21 identification line without CR LF, for mode E; empty otherwise
 * @param logicalDeviceName value of 0.0.42.0.0.255
 * @param serialNumber      value of 0.0.96.1.0.255
 * @param energyRaw         value of 1.0.1.8.0.255 as transmitted
 * @param energyScaler      the register's scaler exponent (value = raw x 10^scaler)
 * @param energyUnit        the register's unit, Gurux enum name (ACTIVE_ENERGY is Wh, DLMS unit 30)
 * @param clock             value of 0.0.1.0.0.255 attribute 2
 * @param discardedAfterOptionSelect hex of the bytes the HES dropped while the line changed speed
 *                          (the meter's confirmation, possibly garbled); empty without mode E
 */
public record MeterReading(Optional<String> identification, String logicalDeviceName, String serialNumber,
                           long energyRaw, int energyScaler, String energyUnit, Instant clock,
                           String discardedAfterOptionSelect) {

    /** @return the energy value with its scaler applied */
    public BigDecimal energy() {
        return BigDecimal.valueOf(energyRaw).scaleByPowerOfTen(energyScaler);
    }
}
