package io.metermodem.hal.mock.gpio;

import java.time.Duration;
import java.util.Objects;

/**
 * How the supercapacitor of a {@link MockPowerSupply} behaves (HAL-5, manual 2.5 and 3.8). Charge
 * and discharge are linear in time, which is enough to test what firmware does around the edges.
 *
 * @param chargeTime       time to charge from empty to full while external power is on; the manual
 *                         says "about 2-5 minutes"
 * @param holdUpTime       time a full supercapacitor keeps the modem running after external power is
 *                         lost ("a couple of minutes", the LastGASP window); zero models a modem
 *                         without supercapacitor
 * @param chargedThreshold charge level, in {@code (0, 1]}, from which the supercapacitor-charged
 *                         input is active
 */
public record SupercapSettings(Duration chargeTime, Duration holdUpTime, double chargedThreshold) {

    /** 3 minutes to charge, 2 minutes of hold-up, charged from 90 %. */
    public static final SupercapSettings DEFAULT =
            new SupercapSettings(Duration.ofMinutes(3), Duration.ofMinutes(2), 0.9);

    /** @throws IllegalArgumentException for negative times or a threshold outside {@code (0, 1]} */
    public SupercapSettings {
        Objects.requireNonNull(chargeTime, "chargeTime");
        Objects.requireNonNull(holdUpTime, "holdUpTime");
        if (chargeTime.isNegative() || holdUpTime.isNegative()) {
            throw new IllegalArgumentException("charge and hold-up times must not be negative: "
                    + chargeTime + ", " + holdUpTime);
        }
        if (!(chargedThreshold > 0 && chargedThreshold <= 1)) {
            throw new IllegalArgumentException("charged threshold must be in (0, 1], got " + chargedThreshold);
        }
    }

    /**
     * @param time the new charge time
     * @return these settings with another charge time
     */
    public SupercapSettings withChargeTime(Duration time) {
        return new SupercapSettings(time, holdUpTime, chargedThreshold);
    }

    /**
     * @param time the new hold-up time
     * @return these settings with another hold-up time
     */
    public SupercapSettings withHoldUpTime(Duration time) {
        return new SupercapSettings(chargeTime, time, chargedThreshold);
    }

    /**
     * @param threshold the new threshold
     * @return these settings with another charged threshold
     */
    public SupercapSettings withChargedThreshold(double threshold) {
        return new SupercapSettings(chargeTime, holdUpTime, threshold);
    }
}
