package io.perscom.webhooks.webhook;

/** Body of a secret rotation: the new secret (generated when absent) and how long the old one keeps signing. */
public record RotateSecretInput(String secret, Long overlapSeconds) {

    @Override
    public String toString() {
        return "RotateSecretInput[overlapSeconds=" + overlapSeconds + "]";
    }
}
