/**
 * TLS for the transparent channel (TR-10, SEC-6): the {@code tm.*} parameters as
 * {@link io.metermodem.transparent.tls.TlsSettings}, a
 * {@link io.metermodem.transparent.tls.CertificateBank} of numbered slots holding PEM certificates
 * and PKCS#8 keys, and the {@link io.metermodem.transparent.tls.TlsContext} built from both, which
 * wraps accepted sockets (server side, the transparent TCP port) and connected sockets (client side,
 * push and AMM). Only the JDK's JSSE and {@code java.security} are used: certificates are read with
 * {@code CertificateFactory}, keys with {@code KeyFactory}, so no extra provider is needed.
 */
package io.metermodem.transparent.tls;
