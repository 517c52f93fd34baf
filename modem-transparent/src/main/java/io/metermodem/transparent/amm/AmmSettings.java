package io.metermodem.transparent.amm;

import io.metermodem.transparent.outbound.Endpoint;
import io.metermodem.transparent.outbound.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the AMM/EI client (TR-8; the "AMM (IEC)" parameter group of CFG-1).
 * {@link #toString()} masks the password.
 *
 * <pre>{@code
 * AmmSettings amm = AmmSettings.to(new Endpoint("ei.example.net", 6000), "s3cret");
 * }</pre>
 *
 * @param server         the EI server
 * @param password       the login password, may be empty
 * @param protocol       the login exchange
 * @param connectTimeout how long one connection attempt may take
 * @param loginTimeout   how long the server may take to accept the login
 * @param reconnect      delays between attempts after a failure or a lost connection
 */
public record AmmSettings(Endpoint server, String password, AmmLoginProtocol protocol, Duration connectTimeout,
                          Duration loginTimeout, RetryPolicy reconnect) {

    /** @throws IllegalArgumentException for non-positive timeouts */
    public AmmSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(reconnect, "reconnect");
        requirePositive("connect timeout", connectTimeout);
        requirePositive("login timeout", loginTimeout);
    }

    /**
     * The default line login, 30 s to connect, 20 s to log in, reconnecting after 10 s, doubling up to
     * 10 minutes, giving up after 10,000 attempts in a row (weeks of trying).
     *
     * @param server   the EI server
     * @param password the login password
     * @return the settings
     */
    public static AmmSettings to(Endpoint server, String password) {
        return new AmmSettings(server, password, LineLoginProtocol.DEFAULT, Duration.ofSeconds(30),
                Duration.ofSeconds(20), RetryPolicy.doubling(Duration.ofSeconds(10), Duration.ofMinutes(10), 10_000));
    }

    /**
     * @param value the login exchange
     * @return these settings with another login protocol
     */
    public AmmSettings withProtocol(AmmLoginProtocol value) {
        return new AmmSettings(server, password, value, connectTimeout, loginTimeout, reconnect);
    }

    /**
     * @param connect per-attempt connect timeout
     * @param login   login reply timeout
     * @return these settings with other timeouts
     */
    public AmmSettings withTimeouts(Duration connect, Duration login) {
        return new AmmSettings(server, password, protocol, connect, login, reconnect);
    }

    /**
     * @param policy reconnect delays
     * @return these settings with another reconnect policy
     */
    public AmmSettings withReconnect(RetryPolicy policy) {
        return new AmmSettings(server, password, protocol, connectTimeout, loginTimeout, policy);
    }

    @Override
    public String toString() {
        return "AmmSettings[server=" + server + ", password=" + AmmCredentials.mask(password) + ", protocol=" + protocol
                + ", connectTimeout=" + connectTimeout + ", loginTimeout=" + loginTimeout + ", reconnect=" + reconnect + "]";
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
