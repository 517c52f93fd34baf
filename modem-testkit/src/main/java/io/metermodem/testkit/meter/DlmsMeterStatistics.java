package io.metermodem.testkit.meter;

/**
 * Counters of a {@link SimpleDlmsMeter}.
 *
 * @param framesAccepted       well-formed HDLC frames addressed to this meter
 * @param framesForOthers      well-formed frames addressed to another station
 * @param malformed            input dropped as malformed: broken frames (format, length, HCS, FCS,
 *                             line errors, inter-octet time-out), out-of-sequence I frames, bad LLC
 *                             headers, unreadable APDUs
 * @param responsesSent        frames the meter sent
 * @param getRequestsServed    GET.request-normal answered (with data or a data-access-result)
 */
public record DlmsMeterStatistics(long framesAccepted, long framesForOthers, long malformed, long responsesSent,
                                  long getRequestsServed) {
}
