package io.perscom.webhooks.delivery.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of an attempt for the queue: the delivery's new status, the attempts it has used, and (while it is
 * pending) when its next attempt is due; null keeps the due time it had. Settling ends the lease.
 */
public record Settlement(UUID deliveryId, DeliveryStatus status, int attemptsUsed, Instant nextAttemptAt,
        Instant at) {
}
