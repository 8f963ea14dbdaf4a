package io.perscom.webhooks.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.standardwebhooks.Webhook;

import io.perscom.webhooks.support.SignatureVectors.Signing;

/** The signer against the shared signature test vectors (support/SignatureVectors). */
class WebhookSignerTest {

    private static final String VECTORS = "io.perscom.webhooks.support.SignatureVectors#signing";

    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void signsBothHeadersAsTheVectorsSay(Signing vector) {
        assertEquals(vector.signature(), WebhookSigner.perscomSignature(vector.secret(), vector.body()), "Signature");
        // During a rotation DeliverySender joins the new secret's signature and the previous one's with a space.
        String webhookSignature = WebhookSigner.standardSignature(vector.secret(), vector.webhookId(),
                vector.timestamp(), vector.body());
        if (vector.previousSecret() != null) {
            webhookSignature += " " + WebhookSigner.standardSignature(vector.previousSecret(), vector.webhookId(),
                    vector.timestamp(), vector.body());
        }
        assertEquals(vector.webhookSignature(), webhookSignature, "webhook-signature");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void takesTheStandardWebhooksKeyTheVectorsName(Signing vector) {
        byte[] key = Base64.getDecoder().decode(vector.standardKeyBase64());
        assertArrayEquals(key, WebhookSigner.standardKey(vector.secret()));
        if (Arrays.equals(key, vector.secret().getBytes(StandardCharsets.UTF_8))) {
            assertNull(WebhookSigner.whsecKey(vector.secret()), "a plain secret has no whsec_ key");
        } else {
            assertArrayEquals(key, WebhookSigner.whsecKey(vector.secret()));
        }
    }

    /** A third party on the vectors themselves: the reference library, given the vector's key, signs alike. */
    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void theReferenceLibrarySignsAsTheVectorsSay(Signing vector) throws Exception {
        Webhook reference = new Webhook(Base64.getDecoder().decode(vector.standardKeyBase64()));
        assertEquals(vector.webhookSignature().split(" ")[0],
                reference.sign(vector.webhookId(), vector.timestamp(), vector.body()));
    }
}
