package io.metermodem.transparent.tls;

import io.metermodem.transparent.tls.CertificateBankException.Problem;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One {@code -----BEGIN type----- ... -----END type-----} block of a PEM text (RFC 7468), decoded.
 * Package-private: the bank's parser, not API.
 */
record PemBlock(String type, byte[] der) {

    /** Largest PEM text a slot accepts; a certificate chain of a few certificates is far below it. */
    static final int MAX_PEM_CHARS = 64 * 1024;

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /**
     * Splits a PEM text into its blocks; text between blocks (OpenSSL's "Bag Attributes", comments)
     * is ignored, as RFC 7468 allows.
     */
    static List<PemBlock> parse(int slot, String pem) throws CertificateBankException {
        if (pem.length() > MAX_PEM_CHARS) {
            throw new CertificateBankException(Problem.BAD_PEM, slot,
                    "PEM text has " + pem.length() + " characters, more than " + MAX_PEM_CHARS);
        }
        List<PemBlock> blocks = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = pem.indexOf(BEGIN, at);
            if (begin < 0) {
                break;
            }
            int typeEnd = pem.indexOf(DASHES, begin + BEGIN.length());
            if (typeEnd < 0) {
                throw bad(slot, blocks.size(), "unterminated BEGIN line");
            }
            String type = pem.substring(begin + BEGIN.length(), typeEnd);
            String endLine = END + type + DASHES;
            int bodyStart = typeEnd + DASHES.length();
            // Searched after the BEGIN line's own dashes: in "-----BEGIN X-------END X-----" they
            // must not double as the start of the END line (the body would end before it began).
            int end = pem.indexOf(endLine, bodyStart);
            if (end < 0) {
                throw bad(slot, blocks.size(), "no '" + endLine + "' for '" + type + "'");
            }
            String body = pem.substring(bodyStart, end);
            if (body.contains(":")) {
                // RFC 1421 headers (Proc-Type: 4,ENCRYPTED) mean an OpenSSL-encrypted legacy key.
                throw new CertificateBankException(Problem.UNSUPPORTED_KEY, slot,
                        "block " + blocks.size() + " (" + type + ") has encryption headers; store an unencrypted PKCS#8 key");
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new CertificateBankException(Problem.BAD_PEM, slot,
                        "block " + blocks.size() + " (" + type + ") is not valid Base64: " + e.getMessage(), e);
            }
            if (der.length == 0) {
                throw bad(slot, blocks.size(), "'" + type + "' block is empty");
            }
            blocks.add(new PemBlock(type, der));
            at = end + endLine.length();
        }
        if (blocks.isEmpty()) {
            throw new CertificateBankException(Problem.BAD_PEM, slot, "no PEM block (-----BEGIN ...-----) found");
        }
        return blocks;
    }

    private static CertificateBankException bad(int slot, int index, String what) {
        return new CertificateBankException(Problem.BAD_PEM, slot, "block " + index + ": " + what);
    }
}
