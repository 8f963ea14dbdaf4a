package io.perscom.webhooks.secrets;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

/** Makes new signing secrets: {@code whsec_} + base64 of random bytes, the Standard Webhooks form. */
@ApplicationScoped
public class SecretGenerator {

    public static final String PREFIX = "whsec_";

    private final SecureRandom random = new SecureRandom();
    private final int bytes;

    public SecretGenerator(SecretsConfig config) {
        this.bytes = config.generatedBytes();
    }

    public String generate() {
        byte[] key = new byte[bytes];
        random.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
