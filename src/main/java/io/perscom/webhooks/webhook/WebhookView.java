package io.perscom.webhooks.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A webhook as the admin API shows it. {@code secret} is present only in the create response; {@code warnings} only
 * in create and update responses, when something about the webhook will keep it from working (e.g. a URL the SSRF
 * guard refuses) or weakens it (a weak secret).
 */
public record WebhookView(UUID id, String name, String description, String url, String method, List<String> events,
        boolean enabled, String disabledReason, @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings, Instant createdAt, Instant updatedAt) {

    static WebhookView of(Webhook webhook) {
        return withSecret(webhook, null, List.of());
    }

    static WebhookView withSecret(Webhook webhook, String secret, List<String> warnings) {
        return new WebhookView(webhook.id, webhook.name, webhook.description, webhook.url, webhook.method,
                List.of(webhook.events), webhook.enabled, webhook.disabledReason, secret, warnings,
                webhook.createdAt, webhook.updatedAt);
    }

    @Override
    public String toString() {
        return "WebhookView[id=" + id + ", url=" + url + "]";
    }
}
