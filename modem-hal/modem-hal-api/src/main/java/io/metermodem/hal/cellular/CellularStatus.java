package io.metermodem.hal.cellular;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A snapshot of what the module last reported (HAL-7). Immutable.
 *
 * @param sim          SIM and PIN state
 * @param registration network registration
 * @param technology   access technology of the serving cell
 * @param rssiDbm      received signal strength in dBm, empty when unknown or not detectable
 * @param operator     operator name, empty when not registered
 * @param ipAddress    address of the packet data connection, empty while it is down
 */
public record CellularStatus(SimState sim, RegistrationState registration, AccessTechnology technology,
                             OptionalInt rssiDbm, Optional<String> operator, Optional<String> ipAddress) {

    /** The state of a module that has reported nothing yet. */
    public static final CellularStatus UNKNOWN = new CellularStatus(SimState.FAILURE, RegistrationState.UNKNOWN,
            AccessTechnology.NONE, OptionalInt.empty(), Optional.empty(), Optional.empty());

    /** @throws NullPointerException for a missing component */
    public CellularStatus {
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(rssiDbm, "rssiDbm");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(ipAddress, "ipAddress");
    }

    /** @return whether packet data is up */
    public boolean packetDataUp() {
        return ipAddress.isPresent();
    }
}
