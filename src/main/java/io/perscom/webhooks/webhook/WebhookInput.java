package io.perscom.webhooks.webhook;

import java.util.List;

/**
 * Body of create (POST), replace (PUT) and partial update (PATCH). Absent fields are null; on PATCH they are left
 * unchanged.
 */
public record WebhookInput(String name, String description, String url, String method, String secret,
        List<String> events, Boolean enabled) {

    @Override
    public String toString() {
        return "WebhookInput[name=" + name + ", url=" + url + ", events=" + events + "]";
    }
}
