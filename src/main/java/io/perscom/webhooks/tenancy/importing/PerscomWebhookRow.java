package io.perscom.webhooks.tenancy.importing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A row of PERSCOM's {@code webhooks} table. {@code events} is its JSON column: an array, or the array's JSON text
 * as a database export gives it. The timestamps are accepted and not used (the service keeps its own).
 */
public record PerscomWebhookRow(Long id, String url, String description, String method, JsonNode events,
        String secret, String createdAt, String updatedAt) {

    @Override
    public String toString() {
        return "PerscomWebhookRow[id=" + id + ", url=" + url + "]";
    }
}
