package io.perscom.webhooks.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer to a rotation: the new secret, until when the previous one still signs, and {@code warnings} when the secret
 * given is weak.
 */
public record SecretRotation(String secret, Instant previousSecretExpiresAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    @Override
    public String toString() {
        return "SecretRotation[previousSecretExpiresAt=" + previousSecretExpiresAt + "]";
    }
}
