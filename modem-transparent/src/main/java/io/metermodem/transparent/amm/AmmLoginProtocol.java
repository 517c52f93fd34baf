package io.metermodem.transparent.amm;

/**
 * The login exchange of the AMM/EI client (TR-8): the frame the modem sends first, and how the
 * server's reply is judged. The WM-E2S manual says the modem "logs in" to the EI server but does not
 * document the wire format, so this is a strategy: {@link LineLoginProtocol} is a configurable
 * line-based default, and a deployment that knows its EI server's format implements its own.
 */
public interface AmmLoginProtocol {

    /**
     * @param credentials who logs in
     * @return the bytes to send right after the connection is up
     */
    byte[] loginFrame(AmmCredentials credentials);

    /**
     * Judges the reply so far. Called with all bytes received since the login frame was sent, each
     * time more arrive.
     *
     * @param received the buffer
     * @param length   the number of valid bytes, at most {@link #maxReplyLength()}
     * @return accepted (with the bytes consumed), refused, or incomplete
     */
    LoginReply judge(byte[] received, int length);

    /** @return the most reply bytes to wait for; more without a verdict is a refusal */
    int maxReplyLength();
}
