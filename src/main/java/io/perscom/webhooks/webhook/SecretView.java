package io.perscom.webhooks.webhook;

/** Response of {@code GET /api/v1/webhooks/{id}/secret}. */
public record SecretView(String secret) {

    @Override
    public String toString() {
        return "SecretView[redacted]";
    }
}
