package io.metermodem.testkit.meter;

/**
 * The link and association state of a {@link SimpleDlmsMeter} (IEC 62056-46 HDLC modes and the
 * COSEM application association of IEC 62056-53).
 */
public enum DlmsMeterState {
    /** Normal disconnected mode (NDM): only SNRM opens the link; other commands get DM. */
    DISCONNECTED,
    /** Normal response mode (NRM) after SNRM/UA: I frames are taken, no association yet. */
    CONNECTED,
    /** Connected and an AARQ was accepted: GET requests are served. */
    ASSOCIATED
}
