package io.metermodem.transparent.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one bank slot holds (SEC-6): a certificate chain, leaf first, and optionally the private key
 * of the leaf. A slot used as {@code tm.cert} needs the key; a slot used as {@code tm.ca_cert} holds
 * trust anchors only. {@link #toString()} never shows the key.
 *
 * @param number       slot number, 1..{@link CertificateBank#MAX_SLOTS}
 * @param label        a name for people (the file it came from, "HES CA 2026"), may be empty
 * @param certificates the certificates in PEM order, at least one
 * @param privateKey   the leaf's private key, if the slot has one
 */
public record CertificateSlot(int number, String label, List<X509Certificate> certificates,
                              Optional<PrivateKey> privateKey) {

    /** @throws IllegalArgumentException for a bad slot number or no certificate */
    public CertificateSlot {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(privateKey, "privateKey");
        certificates = List.copyOf(certificates);
        if (number < 1 || number > CertificateBank.MAX_SLOTS) {
            throw new IllegalArgumentException("slot must be 1.." + CertificateBank.MAX_SLOTS + ", got " + number);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("slot " + number + " needs at least one certificate");
        }
    }

    /** @return the first certificate: the modem's own for a {@code tm.cert} slot */
    public X509Certificate leaf() {
        return certificates.get(0);
    }

    @Override
    public String toString() {
        return "CertificateSlot[" + number + (label.isEmpty() ? "" : " '" + label + "'") + ", "
                + leaf().getSubjectX500Principal().getName() + ", " + certificates.size() + " certificate(s)"
                + (privateKey.isPresent() ? ", with key" : "") + "]";
    }
}
