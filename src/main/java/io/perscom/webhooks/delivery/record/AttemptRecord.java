package io.perscom.webhooks.delivery.record;

import java.time.Instant;
import java.util.UUID;

import io.perscom.webhooks.delivery.http.AttemptResult;
import io.perscom.webhooks.delivery.queue.DeliveryJob;
import io.perscom.webhooks.delivery.queue.DeliveryStatus;
import io.perscom.webhooks.delivery.queue.Settlement;

/** The durable outcome of one attempt: the attempt log row and the delivery's new state. */
public record AttemptRecord(UUID id, DeliveryJob job, String method, AttemptResult result, AttemptOutcome outcome,
        Instant nextAttemptAt, Instant at) {

    public DeliveryStatus deliveryStatus() {
        return outcome.deliveryStatus();
    }

    /**
     * The same outcome with only what cannot fail to store: no request or response details, error kind
     * {@code internal}. Written when the full record was refused, so the delivery still moves on.
     */
    public AttemptRecord stripped(Throwable refusal) {
        return new AttemptRecord(id, job, method, AttemptResult.internal(job.url(), refusal), outcome, nextAttemptAt,
                at);
    }

    /** Attempts the delivery has used after this record; a deferral uses none. */
    public int attemptsUsed() {
        return outcome.sent() ? job.attempt() : job.attempt() - 1;
    }

    /** What the queue keeps of it. */
    Settlement settlement() {
        return new Settlement(job.deliveryId(), deliveryStatus(), attemptsUsed(), nextAttemptAt, at);
    }
}
