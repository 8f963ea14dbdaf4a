package io.perscom.webhooks.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

/** Checks a received request the way receivers do: spatie's hex {@code Signature}, and Standard Webhooks. */
public final class Verify {

    private Verify() {
    }

    /** spatie/laravel-webhook-client: {@code hash_hmac('sha256', $content, $secret)} equals the header. */
    public static void perscomSignature(String secret, String signedContent, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, header, "Signature header");
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The Standard Webhooks reference verifier (com.standardwebhooks): whsec_ secrets as base64 keys, any other
     * secret (a whsec_ one whose rest is not base64 too) as raw UTF-8 bytes, as the README tells receivers. Also
     * rejects stale timestamps, as receivers do.
     */
    public static void standardWebhooks(String secret, String signedContent, TestReceiver.Received request) {
        Webhook verifier = verifier(secret);
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")));
        try {
            verifier.verify(signedContent, headers);
        } catch (WebhookVerificationException e) {
            throw new AssertionError("Standard Webhooks verification failed: " + e.getMessage(), e);
        }
    }

    private static Webhook verifier(String secret) {
        if (secret.startsWith("whsec_")) {
            try {
                return new Webhook(secret);
            } catch (IllegalArgumentException notBase64) {
                // A plain secret that happens to start with whsec_.
            }
        }
        return new Webhook(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST request: both signatures over the exact body bytes. */
    public static void post(String secret, TestReceiver.Received request) {
        perscomSignature(secret, request.body(), request.header("Signature"));
        standardWebhooks(secret, request.body(), request);
    }
}
