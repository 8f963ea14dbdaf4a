package io.perscom.webhooks.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * The durable outcome of one attempt: the attempt log row and the delivery's new state.
 *
 * @param outcome {@code succeeded}, {@code retrying}, {@code failed} (no attempts left or endpoint disabled) or
 *        {@code deferred} (circuit open: nothing sent, the attempt is not counted)
 */
public record AttemptRecord(UUID id, DeliveryJob job, String method, AttemptResult result, String outcome,
        Instant nextAttemptAt, Instant at) {

    public String deliveryStatus() {
        return switch (outcome) {
            case "succeeded" -> "succeeded";
            case "failed" -> "failed";
            default -> "pending";
        };
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
        return "deferred".equals(outcome) ? job.attempt() - 1 : job.attempt();
    }
}
