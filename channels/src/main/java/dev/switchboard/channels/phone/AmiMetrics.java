package dev.switchboard.channels.phone;

/**
 * A snapshot of the AMI link's counters, for a metrics registry to poll.
 *
 * @param eventsReceived events read from Asterisk since start
 * @param eventsLastSecond events received during the last full second
 * @param lastEventLagMillis now minus the {@code Timestamp:} of the last event (needs
 *     {@code timestampevents=yes}); -1 when no event carried one
 * @param maxEventLagMillis the largest lag seen
 * @param reconnects successful logins after the first one
 * @param droppedEvents events dropped because the queue was full (each forces a resync)
 */
public record AmiMetrics(long eventsReceived, long eventsLastSecond, long lastEventLagMillis,
    long maxEventLagMillis, long reconnects, long droppedEvents) {}
