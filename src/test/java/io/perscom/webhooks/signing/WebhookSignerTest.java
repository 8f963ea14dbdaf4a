package io.perscom.webhooks.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

class WebhookSignerTest {

    private static final String BODY = "{\"event\":\"user.created\",\"data\":{\"id\":1}}";

    @Test
    void perscomSignatureIsHexHmacOfTheBody() {
        // printf '%s' "$BODY" | openssl dgst -sha256 -hmac secret
        assertEquals("c36b9e09d55fa34e714b018564961c75795d804a3c727f5a1ffd2f5ade0443d1", WebhookSigner.perscomSignature("secret", BODY));
    }

    @Test
    void standardSignatureMatchesTheReferenceLibraryForBothSecretForms() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String whsec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertEquals(new Webhook(whsec).sign("msg_1", now, BODY),
                WebhookSigner.standardSignature(whsec, "msg_1", now, BODY));
        String raw = "a-perscom-secret-of-32-characters";
        assertEquals(new Webhook(raw.getBytes(StandardCharsets.UTF_8)).sign("msg_1", now, BODY),
                WebhookSigner.standardSignature(raw, "msg_1", now, BODY));
    }

    @Test
    void theReferenceVerifierRejectsATamperedBody() {
        long now = System.currentTimeMillis() / 1000;
        String whsec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature = WebhookSigner.standardSignature(whsec, "msg_1", now, BODY);
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("msg_1"), "webhook-timestamp",
                List.of(Long.toString(now)), "webhook-signature", List.of(signature));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(whsec).verify(BODY + " ", headers));
    }

    /** Expected values from PHP 8: hash_hmac('sha256', ...) with the secret as typed (UTF-8). */
    @Test
    void aPlainSecretSignsWithItsUtf8BytesAsTyped() {
        String typed = " sp\u00e4ced\tsecret \ud83d\ude00 ";
        assertEquals("c5549fc386ce7d20a4bf50f1a4eaa9d83b3937f78b22d2be8ece1f215e07b7b6",
                WebhookSigner.perscomSignature(typed, BODY));
        assertEquals("v1,J9Oha17KYQfaqUDaGXWDvI10mHCoI/qw6AwnyQqh0Cs=",
                WebhookSigner.standardSignature(typed, "msg_1", 1700000000L, BODY));
    }

    @Test
    void aWhsecSecretWhoseRestIsNotBase64IsAPlainSecret() {
        assertNull(WebhookSigner.whsecKey("whsec_not*base64"));
        assertNull(WebhookSigner.whsecKey("whsec_"));
        assertArrayEquals(new byte[] { 1, 2, 3 }, WebhookSigner.whsecKey("whsec_AQID"));
        assertEquals("v1,93xkAPR8sSMHP0nczuFNxr6mndBy5E/pAy53LbbnSMc=",
                WebhookSigner.standardSignature("whsec_not*base64", "msg_1", 1700000000L, BODY));
    }
}
