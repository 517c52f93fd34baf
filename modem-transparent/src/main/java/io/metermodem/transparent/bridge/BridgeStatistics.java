package io.metermodem.transparent.bridge;

/**
 * A snapshot of the {@link TransparentBridge}'s counters since it was made.
 *
 * @param bytesToMeter          bytes written to the meter port
 * @param bytesToHes            bytes handed to head-end links
 * @param meterBytesDiscarded   meter bytes that arrived while no session could take them
 * @param hesBytesDropped       head-end bytes not forwarded because their session ended first
 *                              (a waiting session closed, or a queue overflowed)
 * @param sessionsStarted       links attached
 * @param sessionsEnded         sessions ended
 * @param activeSessions        sessions attached now
 * @param preemptions           times a session lost the line to a higher channel (TR-3)
 * @param connectionsRefused    connections refused by the bridge or reported refused by a driver
 * @param lineChanges           meter line reconfigurations
 * @param meterSilences         meter silent events
 * @param meterPortErrors       meter port failures
 */
public record BridgeStatistics(long bytesToMeter, long bytesToHes, long meterBytesDiscarded, long hesBytesDropped,
                               long sessionsStarted, long sessionsEnded, int activeSessions, long preemptions,
                               long connectionsRefused, long lineChanges, long meterSilences, long meterPortErrors) {
}
