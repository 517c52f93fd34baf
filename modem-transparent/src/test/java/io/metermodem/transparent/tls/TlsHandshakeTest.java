package io.metermodem.transparent.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real TLS handshakes over 127.0.0.1 between contexts built from the bank (TR-10, SEC-6).
 *
 * <p>The class {@link Timeout} is a safety net against a hang on real sockets or the wall clock,
 * not a speed assertion.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsHandshakeTest {

    private static final int TIMEOUT_MS = 5_000;

    private static TestPki.Issued ca;
    private static TestPki.Issued modem;
    private static TestPki.Issued hes;
    private static TestPki.Issued stranger;

    @BeforeAll
    static void pki() throws Exception {
        ca = TestPki.selfSignedCa("Utility CA");
        modem = TestPki.issue(ca, "WM-E2S 356938035643809");
        hes = TestPki.issue(ca, "HES");
        TestPki.Issued rogueCa = TestPki.selfSignedCa("Rogue CA");
        stranger = TestPki.issue(rogueCa, "HES");
    }

    /** The modem's bank: its own certificate in slot 1, the utility CA in slot 2. */
    private static CertificateBank modemBank() throws CertificateBankException {
        CertificateBank bank = new CertificateBank();
        bank.store(1, "modem", modem.slotPem());
        bank.store(2, "utility CA", ca.certificatePem());
        return bank;
    }

    /** A head-end's bank with its certificate in slot 1 (or none) and the CA in slot 2. */
    private static CertificateBank hesBank(TestPki.Issued own) throws CertificateBankException {
        CertificateBank bank = new CertificateBank();
        if (own != null) {
            bank.store(1, "hes", own.slotPem());
        }
        bank.store(2, "utility CA", ca.certificatePem());
        return bank;
    }

    /** What the modem's server side saw: the client's subject, or why the handshake failed. */
    private record ServerSide(String peer, Throwable failure) {
    }

    /** Runs one connection: the modem accepts and echoes one byte; the head-end connects and sends it. */
    private static ServerSide exchange(TlsContext server, TlsContext client) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(TIMEOUT_MS);
            CompletableFuture<String> accepted = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try (Socket plain = listener.accept(); SSLSocket tls = server.wrapAccepted(plain)) {
                    tls.setSoTimeout(TIMEOUT_MS);
                    tls.startHandshake();
                    String peer;
                    try {
                        peer = ((X509Certificate) tls.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
                    } catch (SSLPeerUnverifiedException none) {
                        peer = "";
                    }
                    int b = tls.getInputStream().read();
                    tls.getOutputStream().write(b);
                    tls.getOutputStream().flush();
                    accepted.complete(peer);
                } catch (Throwable e) {
                    accepted.completeExceptionally(e);
                }
            });
            try (Socket plain = new Socket()) {
                plain.connect(listener.getLocalSocketAddress(), TIMEOUT_MS);
                plain.setSoTimeout(TIMEOUT_MS);
                SSLSocket tls = client.wrapConnected(plain, "127.0.0.1", listener.getLocalPort());
                tls.startHandshake();
                tls.getOutputStream().write('R');
                tls.getOutputStream().flush();
                assertEquals('R', tls.getInputStream().read(), "echo through the TLS channel");
            } catch (IOException clientSawFailure) {
                // With TLS 1.3 the client learns of a refused certificate only on its first read.
            }
            try {
                return new ServerSide(accepted.get(TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS), null);
            } catch (ExecutionException e) {
                return new ServerSide(null, e.getCause());
            }
        }
    }

    @Test
    @DisplayName("TR-10, SEC-6: tm.verify=1 accepts a head-end whose certificate the tm.ca_cert CA signed")
    void verifiedClientAccepted() throws Exception {
        TlsSettings tm = new TlsSettings(true, 1, 2, true);
        TlsContext server = modemBank().serverContext(tm);
        TlsContext client = hesBank(hes).clientContext(tm);

        ServerSide result = exchange(server, client);

        assertNull(result.failure(), () -> "handshake failed: " + result.failure());
        assertEquals("CN=HES", result.peer());
    }

    @Test
    @DisplayName("TR-10, SEC-6: tm.verify=1 refuses a head-end whose certificate an unknown CA signed")
    void unknownClientRefused() throws Exception {
        TlsContext server = modemBank().serverContext(new TlsSettings(true, 1, 2, true));
        TlsContext client = hesBank(stranger).clientContext(new TlsSettings(true, 1, 2, true));

        ServerSide result = exchange(server, client);

        assertInstanceOf(SSLException.class, result.failure());
    }

    @Test
    @DisplayName("TR-10, SEC-6: tm.verify=1 refuses a head-end without a certificate")
    void clientWithoutCertificateRefused() throws Exception {
        TlsContext server = modemBank().serverContext(new TlsSettings(true, 1, 2, true));
        TlsContext client = hesBank(null).clientContext(new TlsSettings(true, 0, 2, true));

        ServerSide result = exchange(server, client);

        assertInstanceOf(SSLException.class, result.failure());
    }

    @Test
    @DisplayName("TR-10: tm.verify=0 accepts a head-end without a client certificate, still encrypted")
    void noVerificationWithoutClientCertificate() throws Exception {
        TlsContext server = modemBank().serverContext(new TlsSettings(true, 1, 0, false));
        TlsContext client = hesBank(null).clientContext(new TlsSettings(true, 0, 0, false));

        ServerSide result = exchange(server, client);

        assertNull(result.failure(), () -> "handshake failed: " + result.failure());
        assertEquals("", result.peer());
    }

    @Test
    @DisplayName("TR-10: a client with verification on refuses a server certificate from an unknown CA")
    void clientVerifiesServer() throws Exception {
        CertificateBank rogueServerBank = new CertificateBank();
        rogueServerBank.store(1, "rogue", stranger.slotPem());
        TlsContext server = rogueServerBank.serverContext(new TlsSettings(true, 1, 0, false));
        TlsContext client = modemBank().clientContext(new TlsSettings(true, 0, 2, true));

        ServerSide result = exchange(server, client);

        assertNotEquals(null, result.failure());
    }
}
