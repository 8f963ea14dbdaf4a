package io.perscom.webhooks.delivery.queue;

/** Pending deliveries whose attempt is due (queued, leased or ready for a retry), and how long the oldest has waited. */
public record QueueDepth(long due, long oldestDueAgeSeconds) {

    static final QueueDepth EMPTY = new QueueDepth(0, 0);
}
