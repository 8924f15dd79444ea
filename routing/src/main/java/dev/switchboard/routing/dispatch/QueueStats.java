package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.queue.QueueId;
import java.time.Duration;

/**
 * A queue now and today (UTC day).
 *
 * @param serviceLevel share of answered contacts answered within the target, 0-100 (100 when none yet)
 * @param averageSpeedOfAnswer mean wait of answered contacts
 * @param averageHandleTime mean time from answer to completion
 */
public record QueueStats(QueueId queue, int waiting, Duration longestWait, long offered, long answered,
    long abandoned, double serviceLevel, Duration averageSpeedOfAnswer, Duration averageHandleTime) {}
