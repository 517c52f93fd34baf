package io.metermodem.testkit.hdlc;

/**
 * The control field of an HDLC frame (IEC 62056-46 clause "Control field format", ISO/IEC 13239
 * normal response mode with modulo-8 sequence numbers). Bit 4 is the poll/final bit P/F.
 * <ul>
 *   <li>I frame (information): {@code RRR P SSS 0} with send sequence N(S) and receive sequence N(R);</li>
 *   <li>S frames: RR {@code RRR P 0001}, RNR {@code RRR P 0101};</li>
 *   <li>U frames: SNRM {@code 0x93}, DISC {@code 0x53}, UA {@code 0x73}, DM {@code 0x1F},
 *       FRMR {@code 0x97}, UI {@code 0x13} (all with P/F set).</li>
 * </ul>
 */
public final class HdlcControl {

    /** The poll/final bit. */
    public static final int POLL_FINAL = 0x10;
    /** Set normal response mode: the client opens the data link. */
    public static final int SNRM = 0x93;
    /** Disconnect: the client closes the data link. */
    public static final int DISC = 0x53;
    /** Unnumbered acknowledgement: the server's answer to SNRM and DISC. */
    public static final int UA = 0x73;
    /** Disconnected mode: the server is not connected and cannot take the command. */
    public static final int DM = 0x1F;
    /** Frame reject. */
    public static final int FRMR = 0x97;
    /** Unnumbered information. */
    public static final int UI = 0x13;

    private HdlcControl() {
    }

    /** @param control a control byte @return whether it is an I frame */
    public static boolean isInformation(int control) {
        return (control & 0x01) == 0;
    }

    /** @param control a control byte @return whether it is an RR (receive ready) frame */
    public static boolean isReceiveReady(int control) {
        return (control & 0x0F) == 0x01;
    }

    /** @param control a control byte @return whether it is an RNR (receive not ready) frame */
    public static boolean isReceiveNotReady(int control) {
        return (control & 0x0F) == 0x05;
    }

    /** @param control an I frame's control byte @return its send sequence number N(S), 0..7 */
    public static int sendSequence(int control) {
        return (control >> 1) & 0x07;
    }

    /** @param control an I or S frame's control byte @return its receive sequence number N(R), 0..7 */
    public static int receiveSequence(int control) {
        return (control >> 5) & 0x07;
    }

    /** @param control a control byte @return whether the poll/final bit is set */
    public static boolean pollFinal(int control) {
        return (control & POLL_FINAL) != 0;
    }

    /**
     * @param send    N(S), 0..7
     * @param receive N(R), 0..7
     * @param pollFinal the P/F bit
     * @return the control byte of an I frame
     */
    public static int information(int send, int receive, boolean pollFinal) {
        return (receive & 7) << 5 | (pollFinal ? POLL_FINAL : 0) | (send & 7) << 1;
    }

    /**
     * @param receive   N(R), 0..7
     * @param pollFinal the P/F bit
     * @return the control byte of an RR frame
     */
    public static int receiveReady(int receive, boolean pollFinal) {
        return (receive & 7) << 5 | (pollFinal ? POLL_FINAL : 0) | 0x01;
    }
}
