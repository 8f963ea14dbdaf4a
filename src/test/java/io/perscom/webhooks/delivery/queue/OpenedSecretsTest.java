package io.perscom.webhooks.delivery.queue;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestReceiver.Received;
import io.perscom.webhooks.support.Verify;
import io.quarkus.test.junit.QuarkusTest;

/** Turning rows into jobs opens each webhook secret once, not once per delivery (AES-GCM was 5 % of the CPU). */
@QuarkusTest
class OpenedSecretsTest extends ReceiverTest {

    @Inject
    DeliveryRows rows;

    @Test
    void opensAWebhookSecretOncePerSealedFormNotPerDelivery() {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123".getBytes());
        String webhookId = webhook(tenant, receiver.url("/cached"), secret, "user.created");
        for (int i = 0; i < 5; i++) {
            ingest(event(tenant, "user.created", Map.of("id", i))).statusCode(202);
        }
        receiver.await("/cached", 5, WAIT).forEach(request -> Verify.post(secret, request));
        assertEquals(1, rows.cachedSecrets(UUID.fromString(webhookId)));

        String rotated = admin(tenant).body(Map.of("overlap_seconds", 3600))
                .when().post("/api/v1/webhooks/" + webhookId + "/secret/rotate").then()
                .statusCode(200).extract().path("secret");
        ingest(event(tenant, "user.created", Map.of("id", 6))).statusCode(202);
        Received afterRotation = receiver.await("/cached", 6, WAIT).get(5);
        Verify.post(rotated, afterRotation);
        Verify.standardWebhooks(secret, afterRotation.body(), afterRotation);
        // The new secret is a new sealed form; the previous one (still signing during the overlap) is the cached one.
        assertEquals(2, rows.cachedSecrets(UUID.fromString(webhookId)));
    }
}
