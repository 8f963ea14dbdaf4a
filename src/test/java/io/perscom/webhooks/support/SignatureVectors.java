package io.perscom.webhooks.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * The signature test vectors every checker in the repository is tested against (Java, the Python tools, the
 * benchmark's Node receiver): {@code src/test/resources/signing/signature-vectors.json}, written with Python's hmac by
 * {@code tools/lib/python/generate_signature_vectors.py}, whose docstring states the rules. For
 * {@code @MethodSource("io.perscom.webhooks.support.SignatureVectors#signing")} and {@code #verification}.
 */
public final class SignatureVectors {

    /** What the service sends for these inputs; {@code standardKeyBase64} is the key webhook-signature uses. */
    public record Signing(String name, String description, String secret, String previousSecret,
            String standardKeyBase64, String webhookId, long timestamp, String body, String signature,
            String webhookSignature) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A request as a receiver holding {@code secret} gets it, and whether each signature header is valid for it. */
    public record Verification(String name, String description, String secret, Map<String, String> headers,
            String body, boolean signatureValid, boolean webhookSignatureValid) {

        /** The header's value, null when the request has none. */
        public String header(String header) {
            return headers.get(header);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private record Vectors(String about, List<Signing> signing, List<Verification> verification) {
    }

    private static final Vectors VECTORS = load();

    private SignatureVectors() {
    }

    public static List<Signing> signing() {
        return VECTORS.signing();
    }

    public static List<Verification> verification() {
        return VECTORS.verification();
    }

    private static Vectors load() {
        ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        try (InputStream in = SignatureVectors.class.getResourceAsStream("/signing/signature-vectors.json")) {
            return json.readValue(in, Vectors.class);
        } catch (IOException e) {
            throw new IllegalStateException("signing/signature-vectors.json", e);
        }
    }
}
