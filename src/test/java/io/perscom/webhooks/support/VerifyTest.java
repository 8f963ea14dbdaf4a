package io.perscom.webhooks.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.standardwebhooks.Webhook;

import io.perscom.webhooks.support.SignatureVectors.Signing;
import io.perscom.webhooks.support.SignatureVectors.Verification;

/** The test receiver's checks against the shared signature test vectors, and its clock check. */
class VerifyTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.perscom.webhooks.support.SignatureVectors#verification")
    void judgesEachVectorAsItSays(Verification vector) {
        assertEquals(vector.signatureValid(),
                Verify.perscomSignatureValid(vector.secret(), vector.body(), vector.header("Signature")),
                "Signature");
        assertEquals(vector.webhookSignatureValid(), Verify.standardSignatureValid(vector.secret(), vector.body(),
                vector.header("webhook-id"), vector.header("webhook-timestamp"), vector.header("webhook-signature")),
                "webhook-signature");
    }

    @Test
    void acceptsAFreshRequestAndRefusesAStaleOne() throws Exception {
        Signing vector = SignatureVectors.signing().stream().filter(v -> v.name().equals("whsec-24-byte-key"))
                .findFirst().orElseThrow();
        long now = Instant.now().getEpochSecond();
        String fresh = new Webhook(Base64.getDecoder().decode(vector.standardKeyBase64()))
                .sign(vector.webhookId(), now, vector.body());
        Verify.post(vector.secret(), received(vector, now, fresh));

        long stale = now - Verify.TIMESTAMP_TOLERANCE.toSeconds() - 1;
        String staleSignature = new Webhook(Base64.getDecoder().decode(vector.standardKeyBase64()))
                .sign(vector.webhookId(), stale, vector.body());
        AssertionError error = assertThrows(AssertionError.class,
                () -> Verify.post(vector.secret(), received(vector, stale, staleSignature)));
        assertTrue(error.getMessage().contains("away from now"), error.getMessage());
    }

    private static TestReceiver.Received received(Signing vector, long timestamp, String webhookSignature) {
        Map<String, List<String>> headers = new HashMap<>();
        Map.of("Signature", vector.signature(), "webhook-id", vector.webhookId(), "webhook-timestamp",
                Long.toString(timestamp), "webhook-signature", webhookSignature)
                .forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
        return new TestReceiver.Received("POST", "/hook", null, headers, vector.body(), Instant.now());
    }
}
