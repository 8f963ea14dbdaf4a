package io.perscom.webhooks.webhook;

import java.time.Instant;

/** Answer to a rotation: the new secret, and until when the previous one still signs. */
public record SecretRotation(String secret, Instant previousSecretExpiresAt) {

    @Override
    public String toString() {
        return "SecretRotation[previousSecretExpiresAt=" + previousSecretExpiresAt + "]";
    }
}
