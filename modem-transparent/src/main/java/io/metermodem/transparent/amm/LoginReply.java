package io.metermodem.transparent.amm;

/**
 * What an {@link AmmLoginProtocol} makes of the bytes the EI server sent so far after the login frame.
 */
public sealed interface LoginReply permits LoginReply.Accepted, LoginReply.Refused, LoginReply.Incomplete {

    /**
     * The server accepted the login.
     *
     * @param consumed how many of the received bytes were the acceptance; any after it already belong
     *                 to the transparent channel and go to the bridge
     */
    record Accepted(int consumed) implements LoginReply {
    }

    /**
     * The server refused the login, or replied something that is not an acceptance.
     *
     * @param reason the reply or the problem, for logs; never the password
     */
    record Refused(String reason) implements LoginReply {
    }

    /** Not enough bytes yet to decide. */
    record Incomplete() implements LoginReply {
    }
}
