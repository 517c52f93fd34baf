package io.metermodem.transparent.tls;

/**
 * The transparent channel's TLS parameters (TR-10, SEC-6), named as in the manual:
 * {@code tm.tls_enable}, {@code tm.cert}, {@code tm.ca_cert}, {@code tm.verify}. Bank slots are
 * numbered from 1; 0 means "no slot", which is what the SMS command {@code certreset} sets
 * ({@link #certReset()}).
 *
 * <pre>{@code
 * TlsSettings tm = new TlsSettings(true, 1, 2, true);   // modem cert in slot 1, CA in slot 2, verify peer
 * TlsContext server = bank.serverContext(tm);
 * }</pre>
 *
 * @param tlsEnable {@code tm.tls_enable}: whether the channel uses TLS at all
 * @param cert      {@code tm.cert}: bank slot of the modem's certificate and private key, 0 for none
 * @param caCert    {@code tm.ca_cert}: bank slot of the CA certificate(s) the peer is checked against, 0 for none
 * @param verify    {@code tm.verify}: whether the peer's certificate is required and checked
 */
public record TlsSettings(boolean tlsEnable, int cert, int caCert, boolean verify) {

    /** Parameter name of {@link #tlsEnable()}. */
    public static final String TLS_ENABLE = "tm.tls_enable";
    /** Parameter name of {@link #cert()}. */
    public static final String CERT = "tm.cert";
    /** Parameter name of {@link #caCert()}. */
    public static final String CA_CERT = "tm.ca_cert";
    /** Parameter name of {@link #verify()}. */
    public static final String VERIFY = "tm.verify";

    /** @throws IllegalArgumentException for a slot outside 0..{@link CertificateBank#MAX_SLOTS} */
    public TlsSettings {
        requireSlot(CERT, cert);
        requireSlot(CA_CERT, caCert);
    }

    /**
     * The settings after the SMS command {@code certreset} (SEC-6): every {@code tm.*} TLS parameter
     * is 0, so TLS is off and no bank slot is selected.
     *
     * @return TLS off, no slots, no verification
     */
    public static TlsSettings certReset() {
        return new TlsSettings(false, 0, 0, false);
    }

    private static void requireSlot(String name, int slot) {
        if (slot < 0 || slot > CertificateBank.MAX_SLOTS) {
            throw new IllegalArgumentException(name + " must be 0.." + CertificateBank.MAX_SLOTS + ", got " + slot);
        }
    }
}
