package io.metermodem.transparent.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made at test time with Bouncy Castle (test scope only), EC P-256 for speed. */
final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(1);

    /** A key pair and its certificate. */
    record Issued(KeyPair keys, X509Certificate certificate) {
        String certificatePem() {
            return pem("CERTIFICATE", encoded(certificate));
        }

        String keyPem() {
            return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
        }

        /** Certificate plus PKCS#8 key, as a bank slot for {@code tm.cert} holds them. */
        String slotPem() {
            return certificatePem() + keyPem();
        }

        PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    private TestPki() {
    }

    static Issued selfSignedCa(String name) throws Exception {
        KeyPair keys = keyPair();
        return new Issued(keys, sign(new X500Principal("CN=" + name), keys, new X500Principal("CN=" + name), keys.getPrivate(), true));
    }

    static Issued issue(Issued ca, String name) throws Exception {
        KeyPair keys = keyPair();
        return new Issued(keys, sign(new X500Principal("CN=" + name), keys, ca.certificate().getSubjectX500Principal(),
                ca.privateKey(), false));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Principal subject, KeyPair subjectKeys, X500Principal issuer,
                                        PrivateKey issuerKey, boolean ca) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIAL.getAndIncrement()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(30, ChronoUnit.DAYS)), subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }
}
