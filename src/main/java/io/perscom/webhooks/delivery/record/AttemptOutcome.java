package io.perscom.webhooks.delivery.record;

import io.perscom.webhooks.delivery.queue.DeliveryStatus;
import io.perscom.webhooks.persistence.StoredNames;

/** How one attempt ended, as its log says it ({@code delivery_attempt.outcome}). */
public enum AttemptOutcome {
    SUCCEEDED(DeliveryStatus.SUCCEEDED),
    /** Failed; another attempt follows on the retry schedule. */
    RETRYING(DeliveryStatus.PENDING),
    /** Failed for good: no attempts left, a failure retrying cannot fix, or the webhook disabled. */
    FAILED(DeliveryStatus.FAILED),
    /** The circuit was open: nothing was sent, and the attempt is not counted. */
    DEFERRED(DeliveryStatus.PENDING);

    private final DeliveryStatus deliveryStatus;

    AttemptOutcome(DeliveryStatus deliveryStatus) {
        this.deliveryStatus = deliveryStatus;
    }

    public String column() {
        return StoredNames.of(this);
    }

    /** Where the delivery stands after an attempt that ended so. */
    public DeliveryStatus deliveryStatus() {
        return deliveryStatus;
    }

    /** Whether the attempt reached (or tried to reach) the endpoint: all but a deferral. */
    public boolean sent() {
        return this != DEFERRED;
    }
}
