package io.perscom.webhooks.delivery.queue;

import io.perscom.webhooks.persistence.StoredNames;

/** Where a delivery stands ({@code delivery.status}): waiting for an attempt (queued, leased, between retries), or finished. */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED;

    public String column() {
        return StoredNames.of(this);
    }

    static DeliveryStatus of(String column) {
        return StoredNames.parse(DeliveryStatus.class, column).orElseThrow();
    }
}
