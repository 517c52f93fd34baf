package io.metermodem.hal.cellular;

/** Network registration state, as {@code +CREG}/{@code +CEREG} report it (HAL-7). */
public enum RegistrationState {
    /** Not registered and not searching. */
    NOT_REGISTERED,
    /** Searching for an operator to register with. */
    SEARCHING,
    /** Registered on the home network. */
    REGISTERED_HOME,
    /** Registered on a roaming network. */
    REGISTERED_ROAMING,
    /** Registration denied by the network. */
    DENIED,
    /** The module reports nothing usable. */
    UNKNOWN;

    /** @return whether the module can use the network */
    public boolean isRegistered() {
        return this == REGISTERED_HOME || this == REGISTERED_ROAMING;
    }
}
