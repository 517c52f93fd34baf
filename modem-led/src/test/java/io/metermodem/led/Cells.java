package io.metermodem.led;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.cellular.SimState;
import java.util.Optional;
import java.util.OptionalInt;

/** Cellular reports for the tests. */
final class Cells {

    private Cells() {
    }

    static CellularStatus of(SimState sim, RegistrationState reg) {
        return new CellularStatus(sim, reg, AccessTechnology.NONE, OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    static CellularStatus registered(AccessTechnology technology, int rssiDbm, boolean ip) {
        return new CellularStatus(SimState.READY, RegistrationState.REGISTERED_HOME, technology, OptionalInt.of(rssiDbm),
                Optional.of("Operator"), ip ? Optional.of("10.1.2.3") : Optional.empty());
    }

    static CellularStatus registeredWithoutRssi(AccessTechnology technology) {
        return new CellularStatus(SimState.READY, RegistrationState.REGISTERED_HOME, technology, OptionalInt.empty(),
                Optional.of("Operator"), Optional.empty());
    }
}
