package io.metermodem.transparent.tls;

import io.metermodem.transparent.tls.CertificateBankException.Problem;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modem's certificate bank (SEC-6, TR-10): numbered slots, each holding X.509 certificates and
 * optionally the private key of the first one, stored from PEM text. The {@code tm.cert} and
 * {@code tm.ca_cert} parameters ({@link TlsSettings}) select slots by number; the bank then builds
 * the {@link TlsContext} for the transparent channel.
 *
 * <pre>{@code
 * CertificateBank bank = new CertificateBank();
 * bank.store(1, "modem", Files.readString(Path.of("modem.pem")));    // cert chain + PKCS#8 key
 * bank.store(2, "HES CA", Files.readString(Path.of("hes-ca.pem")));  // CA certificate(s)
 * TlsContext server = bank.serverContext(new TlsSettings(true, 1, 2, true));
 * SSLSocket tls = server.wrapAccepted(acceptedSocket);               // client certificate required
 * }</pre>
 *
 * <h2>PEM</h2>
 * A slot's text holds {@code CERTIFICATE} blocks, leaf first, read with the JDK's
 * {@link CertificateFactory}, and at most one unencrypted PKCS#8 {@code PRIVATE KEY} block, read with
 * {@link KeyFactory} for the leaf's key algorithm (RSA, EC, Ed25519/Ed448). The JDK has no reader for
 * PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) keys; they are refused with
 * {@link Problem#UNSUPPORTED_KEY} and a hint to convert them with
 * {@code openssl pkcs8 -topk8 -nocrypt}, which keeps the SDK free of an extra crypto provider.
 * A key is checked against the leaf certificate by signing a random challenge with it and verifying
 * the signature with the certificate's public key.
 *
 * <p>Thread-safe: slots are written by configuration (SMS, remote configuration) while the TCP server
 * reads them on another thread. Stored slots are immutable values.
 */
public final class CertificateBank {

    /** Number of slots; slot numbers are 1..MAX_SLOTS, 0 means "none" in {@link TlsSettings}. */
    public static final int MAX_SLOTS = 16;

    /** Most certificates one slot holds (leaf, intermediates, or a set of CAs). */
    public static final int MAX_CERTIFICATES_PER_SLOT = 8;

    private static final Logger LOG = LoggerFactory.getLogger(CertificateBank.class);
    private static final String KEY_ALIAS = "modem";

    private final TreeMap<Integer, CertificateSlot> slots = new TreeMap<>();

    /** An empty bank. */
    public CertificateBank() {
    }

    /**
     * Parses PEM text and stores it in a slot, replacing what the slot held. Nothing is changed when
     * the text is refused.
     *
     * @param slot  1..{@link #MAX_SLOTS}
     * @param label a name for people, may be empty
     * @param pem   certificates (leaf first) and optionally the leaf's PKCS#8 private key
     * @return the stored slot
     * @throws CertificateBankException with {@link Problem#BAD_PEM}, {@link Problem#UNSUPPORTED_KEY},
     *                                  {@link Problem#KEY_MISMATCH} or {@link Problem#MISSING_KEY}
     * @throws IllegalArgumentException for a slot number outside 1..{@link #MAX_SLOTS}
     */
    public CertificateSlot store(int slot, String label, String pem) throws CertificateBankException {
        requireStorableSlot(slot);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(pem, "pem");
        List<X509Certificate> certificates = new ArrayList<>();
        List<PemBlock> keys = new ArrayList<>();
        for (PemBlock block : PemBlock.parse(slot, pem)) {
            switch (block.type()) {
                case "CERTIFICATE", "X509 CERTIFICATE" -> certificates.add(certificate(slot, certificates.size(), block));
                case "PRIVATE KEY" -> keys.add(block);
                case "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" -> throw new CertificateBankException(
                        Problem.UNSUPPORTED_KEY, slot, "'" + block.type() + "' is not PKCS#8; convert it with "
                        + "'openssl pkcs8 -topk8 -nocrypt -in key.pem'");
                case "ENCRYPTED PRIVATE KEY" -> throw new CertificateBankException(Problem.UNSUPPORTED_KEY, slot,
                        "encrypted PKCS#8 keys are not supported; store the key unencrypted (the bank itself is "
                        + "kept in encrypted flash, CFG-8)");
                default -> LOG.debug("slot {}: ignoring PEM block '{}'", slot, block.type());
            }
        }
        if (certificates.isEmpty()) {
            throw new CertificateBankException(keys.isEmpty() ? Problem.BAD_PEM : Problem.MISSING_KEY, slot,
                    keys.isEmpty() ? "no CERTIFICATE block" : "a private key needs its certificate in the same slot");
        }
        if (certificates.size() > MAX_CERTIFICATES_PER_SLOT) {
            throw new CertificateBankException(Problem.BAD_PEM, slot, certificates.size()
                    + " certificates, more than " + MAX_CERTIFICATES_PER_SLOT);
        }
        if (keys.size() > 1) {
            throw new CertificateBankException(Problem.BAD_PEM, slot, keys.size() + " private keys; a slot holds one");
        }
        Optional<PrivateKey> key = Optional.empty();
        if (!keys.isEmpty()) {
            PrivateKey privateKey = privateKey(slot, keys.get(0), certificates.get(0).getPublicKey());
            requireMatch(slot, privateKey, certificates.get(0));
            key = Optional.of(privateKey);
        }
        CertificateSlot stored = new CertificateSlot(slot, label, certificates, key);
        synchronized (this) {
            slots.put(slot, stored);
        }
        LOG.info("certificate bank: stored {}", stored);
        return stored;
    }

    /**
     * @param slot 1..{@link #MAX_SLOTS}
     * @return what the slot holds, empty if nothing (or for slot 0)
     */
    public synchronized Optional<CertificateSlot> slot(int slot) {
        return Optional.ofNullable(slots.get(slot));
    }

    /**
     * Empties a slot.
     *
     * @param slot 1..{@link #MAX_SLOTS}
     * @return whether the slot held something
     */
    public synchronized boolean remove(int slot) {
        requireStorableSlot(slot);
        return slots.remove(slot) != null;
    }

    /** @return the numbers of the slots holding something, ascending */
    public synchronized List<Integer> usedSlots() {
        return List.copyOf(slots.keySet());
    }

    /**
     * Builds the server-side context of the transparent TCP port (TR-10): the modem presents the
     * certificate of {@code tm.cert}; with {@code tm.verify} on, the head-end must present a
     * certificate that chains to a certificate of {@code tm.ca_cert}, otherwise none is asked for.
     *
     * @param settings the {@code tm.*} parameters
     * @return the context
     * @throws CertificateBankException {@link Problem#MISSING_SLOT} when {@code tm.cert} is 0 or empty,
     *                                  or verification is on and {@code tm.ca_cert} is 0 or empty;
     *                                  {@link Problem#MISSING_KEY} when the {@code tm.cert} slot has no key
     * @throws IllegalStateException    when {@code tm.tls_enable} is off
     */
    public TlsContext serverContext(TlsSettings settings) throws CertificateBankException {
        requireEnabled(settings);
        CertificateSlot own = requireKeySlot(settings.cert(), "the TLS server needs a certificate (" + TlsSettings.CERT + ")");
        Optional<CertificateSlot> ca = settings.verify()
                ? Optional.of(requireSlot(settings.caCert(), TlsSettings.VERIFY + " is on but " + TlsSettings.CA_CERT + " selects no CA"))
                : Optional.empty();
        return new TlsContext(TlsContext.Side.SERVER, settings.verify(),
                build(settings, keyManagers(own), ca.map(this::trustManagers).orElse(null)));
    }

    /**
     * Builds the client-side context for connections the modem opens (push TR-7, AMM TR-8): the modem
     * presents the {@code tm.cert} certificate if one is selected; with {@code tm.verify} on the
     * server's certificate must chain to {@code tm.ca_cert}, otherwise it is accepted unchecked.
     * Host names are not matched against the certificate: a head-end is often reached by IP address
     * and its certificate is pinned by the CA slot instead.
     *
     * @param settings the {@code tm.*} parameters
     * @return the context
     * @throws CertificateBankException {@link Problem#MISSING_SLOT} for a selected empty slot or
     *                                  verification without a CA; {@link Problem#MISSING_KEY}
     * @throws IllegalStateException    when {@code tm.tls_enable} is off
     */
    public TlsContext clientContext(TlsSettings settings) throws CertificateBankException {
        requireEnabled(settings);
        KeyManager[] keyManagers = settings.cert() == 0 ? null
                : keyManagers(requireKeySlot(settings.cert(), TlsSettings.CERT + " selects an empty slot"));
        TrustManager[] trustManagers = settings.verify()
                ? trustManagers(requireSlot(settings.caCert(), TlsSettings.VERIFY + " is on but " + TlsSettings.CA_CERT + " selects no CA"))
                : new TrustManager[] {new UncheckedTrustManager()};
        return new TlsContext(TlsContext.Side.CLIENT, settings.verify(), build(settings, keyManagers, trustManagers));
    }

    private static void requireEnabled(TlsSettings settings) {
        if (!settings.tlsEnable()) {
            throw new IllegalStateException(TlsSettings.TLS_ENABLE + " is 0: the channel is plain TCP, no TLS context");
        }
    }

    private synchronized CertificateSlot requireSlot(int slot, String why) throws CertificateBankException {
        CertificateSlot found = slots.get(slot);
        if (found == null) {
            throw new CertificateBankException(Problem.MISSING_SLOT, slot, (slot == 0 ? "no slot selected" : "empty")
                    + ": " + why);
        }
        return found;
    }

    private CertificateSlot requireKeySlot(int slot, String why) throws CertificateBankException {
        CertificateSlot found = requireSlot(slot, why);
        if (found.privateKey().isEmpty()) {
            throw new CertificateBankException(Problem.MISSING_KEY, slot, "holds no private key for "
                    + found.leaf().getSubjectX500Principal().getName());
        }
        return found;
    }

    private static KeyManager[] keyManagers(CertificateSlot own) throws CertificateBankException {
        try {
            // The key store only lives in memory for the factory; its password protects nothing.
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(KEY_ALIAS, own.privateKey().orElseThrow(), password,
                    own.certificates().toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new CertificateBankException(Problem.CONTEXT_FAILED, own.number(), "cannot use the key: " + e.getMessage(), e);
        }
    }

    private TrustManager[] trustManagers(CertificateSlot ca) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int index = 0;
            for (X509Certificate certificate : ca.certificates()) {
                store.setCertificateEntry("ca" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | java.io.IOException e) {
            // An in-memory PKCS12 store with parsed certificates cannot fail on a working JDK.
            throw new IllegalStateException("JDK cannot build a trust store", e);
        }
    }

    private static SSLContext build(TlsSettings settings, KeyManager[] keys, TrustManager[] trust)
            throws CertificateBankException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new CertificateBankException(Problem.CONTEXT_FAILED, settings.cert(), "cannot build the TLS context: "
                    + e.getMessage(), e);
        }
    }

    private static X509Certificate certificate(int slot, int index, PemBlock block) throws CertificateBankException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der()));
        } catch (CertificateException e) {
            throw new CertificateBankException(Problem.BAD_PEM, slot, "certificate " + index
                    + " does not decode: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The JDK's DER readers throw unchecked exceptions on some malformed input (JDK 25: an
            // Ed25519 key with an empty BIT STRING gives ArrayIndexOutOfBoundsException): still bad input.
            throw new CertificateBankException(Problem.BAD_PEM, slot, "certificate " + index
                    + " does not decode: " + e, e);
        }
    }

    private static PrivateKey privateKey(int slot, PemBlock block, PublicKey certified) throws CertificateBankException {
        // The leaf's key algorithm says which KeyFactory reads the key: PKCS#8 carries the same OID.
        String algorithm = certified.getAlgorithm();
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(block.der()));
        } catch (InvalidKeySpecException | RuntimeException e) {
            // RuntimeException: the JDK's key readers throw unchecked exceptions on some malformed DER
            throw new CertificateBankException(Problem.KEY_MISMATCH, slot, "the private key is not a valid "
                    + algorithm + " PKCS#8 key as the certificate's is: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CertificateBankException(Problem.UNSUPPORTED_KEY, slot, "key algorithm " + algorithm
                    + " is not supported by this JDK", e);
        }
    }

    private static void requireMatch(int slot, PrivateKey key, X509Certificate leaf) throws CertificateBankException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        if (algorithm == null) {
            throw new CertificateBankException(Problem.UNSUPPORTED_KEY, slot, "key algorithm " + key.getAlgorithm()
                    + " is not supported");
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(challenge);
            if (!verifier.verify(signature)) {
                throw new CertificateBankException(Problem.KEY_MISMATCH, slot, "the private key does not belong to "
                        + leaf.getSubjectX500Principal().getName());
            }
        } catch (GeneralSecurityException e) {
            if (e instanceof CertificateBankException bank) {
                throw bank;
            }
            throw new CertificateBankException(Problem.KEY_MISMATCH, slot, "the private key does not work with the "
                    + "certificate of " + leaf.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
    }

    private static void requireStorableSlot(int slot) {
        if (slot < 1 || slot > MAX_SLOTS) {
            throw new IllegalArgumentException("slot must be 1.." + MAX_SLOTS + ", got " + slot);
        }
    }

    @Override
    public synchronized String toString() {
        return "CertificateBank" + slots.values();
    }
}
