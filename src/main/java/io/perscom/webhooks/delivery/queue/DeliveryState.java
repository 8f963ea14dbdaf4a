package io.perscom.webhooks.delivery.queue;

/** A delivery as the attempt log shows it: where it stands, and the message it sends. */
public record DeliveryState(DeliveryStatus status, String payload) {
}
