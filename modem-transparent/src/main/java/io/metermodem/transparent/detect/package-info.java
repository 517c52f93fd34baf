/**
 * First-packet protocol detection for the meter data format {@code Auto} (TR-4, manual 3.11): the
 * first bytes an HES sends on a new transparent connection decide whether the meter line runs 7E1
 * (IEC 62056-21) or 8N1 (everything else: DLMS over HDLC, DLMS wrapper, other protocols).
 * {@link io.metermodem.transparent.detect.ProtocolDetector} is sans-I/O: it looks at bytes and never
 * consumes them.
 */
package io.metermodem.transparent.detect;
