package io.metermodem.transparent.outbound;

import java.util.Objects;

/**
 * A TCP destination: the head-end for a push (TR-7) or the EI server of the AMM client (TR-8).
 *
 * @param host name or IP address, not blank, at most 253 characters
 * @param port 1..65535
 */
public record Endpoint(String host, int port) {

    /** @throws IllegalArgumentException for a blank or overlong host or a port outside 1..65535 */
    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.length() > 253) {
            throw new IllegalArgumentException("host must have 1..253 characters, got '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
    }

    @Override
    public String toString() {
        // IPv6 literals are bracketed so the port stays readable in logs.
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
