package io.perscom.webhooks.secrets;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link SecretsConfig} with given keys and the documented defaults otherwise, for tests that build a cipher. */
public record TestSecretsConfig(List<String> encryptionKeys, Optional<String> activeKeyId) implements SecretsConfig {

    public static SecretsConfig of(List<String> keys, String activeKeyId) {
        return new TestSecretsConfig(keys, Optional.ofNullable(activeKeyId));
    }

    @Override
    public Duration rotationOverlap() {
        return Duration.ofHours(24);
    }

    @Override
    public int generatedBytes() {
        return 24;
    }
}
