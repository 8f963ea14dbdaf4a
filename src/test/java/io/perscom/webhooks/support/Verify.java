package io.perscom.webhooks.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Checks a received request the way receivers do: spatie's hex {@code Signature}, and Standard Webhooks with the
 * {@code com.standardwebhooks} reference library. Independent of the service's signer, and tested against the shared
 * signature test vectors (VerifyTest).
 */
public final class Verify {

    /** The reference library's tolerance for {@code webhook-timestamp} either side of now. */
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    private static final String WHSEC = "whsec_";

    private Verify() {
    }

    /** spatie/laravel-webhook-client: {@code hash_hmac('sha256', $content, $secret)} equals the header. */
    public static boolean perscomSignatureValid(String secret, String signedContent, String header) {
        if (header == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    header.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * {@code webhook-signature} holds, among its space-separated entries, the signature the reference library makes
     * for (id, timestamp, content) with the secret: whsec_ secrets as base64 keys, any other secret (a whsec_ one
     * whose rest is not base64 or empty too) as its UTF-8 bytes, as the README tells receivers. Clock-independent.
     */
    public static boolean standardSignatureValid(String secret, String signedContent, String id, String timestamp,
            String header) {
        if (header == null || id == null || timestamp == null) {
            return false;
        }
        String expected;
        try {
            expected = referenceSigner(secret).sign(id, Long.parseLong(timestamp), signedContent);
        } catch (NumberFormatException | WebhookSigningException e) {
            return false;
        }
        for (String entry : header.split(" ")) {
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    entry.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static Webhook referenceSigner(String secret) {
        if (secret.startsWith(WHSEC) && secret.length() > WHSEC.length()) {
            try {
                return new Webhook(secret);
            } catch (IllegalArgumentException notBase64) {
                // A plain secret that happens to start with whsec_.
            }
        }
        return new Webhook(secret.getBytes(StandardCharsets.UTF_8));
    }

    public static void perscomSignature(String secret, String signedContent, String header) {
        assertTrue(perscomSignatureValid(secret, signedContent, header),
                () -> "Signature header " + header + " is not the hex HMAC-SHA256 of the content with the secret");
    }

    /** Standard Webhooks as receivers check it: a valid signature and a timestamp within 5 minutes of now. */
    public static void standardWebhooks(String secret, String signedContent, TestReceiver.Received request) {
        String timestamp = request.header("webhook-timestamp");
        assertNotNull(timestamp, "webhook-timestamp");
        long skew = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
        assertTrue(skew <= TIMESTAMP_TOLERANCE.toSeconds(), () -> "webhook-timestamp " + timestamp + " is "
                + skew + " s away from now");
        String header = request.header("webhook-signature");
        assertTrue(standardSignatureValid(secret, signedContent, request.header("webhook-id"), timestamp, header),
                () -> "webhook-signature " + header + " has no valid v1 signature for the secret");
    }

    /** A POST request: both signatures over the exact body bytes. */
    public static void post(String secret, TestReceiver.Received request) {
        perscomSignature(secret, request.body(), request.header("Signature"));
        standardWebhooks(secret, request.body(), request);
    }
}
