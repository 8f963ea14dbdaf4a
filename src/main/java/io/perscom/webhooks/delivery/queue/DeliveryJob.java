package io.perscom.webhooks.delivery.queue;

import java.time.Instant;
import java.util.UUID;

/** One delivery claimed by this replica, with everything needed to send its next attempt. */
public record DeliveryJob(UUID deliveryId, UUID messageId, UUID eventId, String tenantId, String eventType,
        UUID webhookId, String url, String method, boolean webhookEnabled, String secret, String previousSecret,
        String payload,
        String traceId, int attempt, int maxAttempts, Instant leaseUntil, UUID automationId) {

    @Override
    public String toString() {
        return "DeliveryJob[delivery=" + deliveryId + ", event=" + eventId + ", webhook=" + webhookId + ", attempt="
                + attempt + "]";
    }
}
