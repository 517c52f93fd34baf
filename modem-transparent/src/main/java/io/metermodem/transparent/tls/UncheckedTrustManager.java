package io.metermodem.transparent.tls;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any server certificate: what {@code tm.verify = 0} means on the client side (TR-10). The
 * connection is still encrypted, but not authenticated; the manual makes this the operator's choice.
 * Extends {@link X509ExtendedTrustManager} so that JSSE does not add its own host-name check.
 */
final class UncheckedTrustManager extends X509ExtendedTrustManager {

    private static final X509Certificate[] NONE = new X509Certificate[0];

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // verification is off
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // verification is off
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // verification is off
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // verification is off
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // verification is off
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // verification is off
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NONE;
    }
}
