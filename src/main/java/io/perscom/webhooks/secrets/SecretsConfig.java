package io.perscom.webhooks.secrets;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "webhooks.secrets")
public interface SecretsConfig {

    /**
     * AES keys that encrypt webhook secrets at rest, each {@code <key-id>:<base64 of 32 bytes>}. Keep old keys listed
     * after a rotation so existing secrets still decrypt; they are re-encrypted with the active key when rewritten.
     * No default in production: the service refuses to start without one.
     */
    List<String> encryptionKeys();

    /** Key id used to encrypt new secrets. Default: the first key of {@link #encryptionKeys()}. */
    Optional<String> activeKeyId();

    /** How long the previous secret keeps signing (a second webhook-signature) after a rotation, by default. */
    @WithDefault("24h")
    java.time.Duration rotationOverlap();

    /** Random bytes in a generated secret ({@code whsec_} + base64, as Svix and Standard Webhooks do). */
    @WithDefault("24")
    int generatedBytes();
}
