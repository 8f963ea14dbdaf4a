package io.perscom.webhooks.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A webhook as the admin API shows it. {@code secret} is present only in the create response. */
public record WebhookView(UUID id, String name, String description, String url, String method, List<String> events,
        boolean enabled, @JsonInclude(JsonInclude.Include.NON_NULL) String secret, Instant createdAt,
        Instant updatedAt) {

    static WebhookView of(Webhook webhook) {
        return withSecret(webhook, null);
    }

    static WebhookView withSecret(Webhook webhook, String secret) {
        return new WebhookView(webhook.id, webhook.name, webhook.description, webhook.url, webhook.method,
                List.of(webhook.events), webhook.enabled, secret, webhook.createdAt, webhook.updatedAt);
    }

    @Override
    public String toString() {
        return "WebhookView[id=" + id + ", url=" + url + "]";
    }
}
