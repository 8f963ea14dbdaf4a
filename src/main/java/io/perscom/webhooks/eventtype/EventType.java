package io.perscom.webhooks.eventtype;

/** One event a webhook can subscribe to, as listed by the catalog. */
public record EventType(String name, String description) {
}
