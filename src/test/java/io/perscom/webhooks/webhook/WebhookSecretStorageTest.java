package io.perscom.webhooks.webhook;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.freshTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.LogCapture;
import io.perscom.webhooks.support.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WebhookSecretStorageTest {

    @Test
    void theSecretColumnHoldsCiphertextOnly() throws Exception {
        String tenant = freshTenant();
        String secret = "plain-secret-that-must-not-be-stored";
        String id = admin(tenant).body(Map.of("url", "https://example.com/hook", "secret", secret))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");

        try (Connection db = PostgresTestDatabase.connect();
                PreparedStatement sql = db.prepareStatement("select * from webhook where id = ?")) {
            sql.setObject(1, UUID.fromString(id));
            try (ResultSet row = sql.executeQuery()) {
                assertTrue(row.next());
                byte[] sealed = row.getBytes("secret_ciphertext");
                assertEquals("test-2", row.getString("secret_key_id"), "sealed with the active key");
                assertTrue(sealed.length >= 12 + secret.length() + 16, "nonce + ciphertext + tag");
                assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(secret));
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    assertFalse(String.valueOf(row.getObject(column)).contains(secret),
                            "column " + row.getMetaData().getColumnName(column) + " holds no plaintext secret");
                }
            }
        }
    }

    @Test
    void theSecretNeverReachesTheLog() {
        String tenant = freshTenant();
        String given = "log-probe-secret-0123456789abcdef";
        String generated;
        String rotated;
        try (LogCapture log = LogCapture.start()) {
            String id = admin(tenant).body(Map.of("url", "https://example.com/a", "secret", given))
                    .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            generated = admin(tenant).body(Map.of("url", "https://example.com/b"))
                    .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("secret");
            admin(tenant).when().get("/api/v1/webhooks/" + id + "/secret").then().statusCode(200);
            admin(tenant).body(Map.of("secret", given + "-rotated")).when().patch("/api/v1/webhooks/" + id)
                    .then().statusCode(200);
            admin(tenant).body(Map.of("url", "bad", "secret", given)).when().post("/api/v1/webhooks")
                    .then().statusCode(422);
            rotated = admin(tenant).when().post("/api/v1/webhooks/" + id + "/secret/rotate").then()
                    .statusCode(200).extract().path("secret");
            admin(tenant).body(Map.of("secret", given, "overlap_seconds", -5))
                    .when().post("/api/v1/webhooks/" + id + "/secret/rotate").then().statusCode(422)
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(given)));
            String metrics = io.perscom.webhooks.support.Management.management().when().get("/q/metrics").then().extract().asString();
            assertFalse(metrics.contains(given) || metrics.contains(generated) || metrics.contains(rotated),
                    "no secret in the metrics");

            List<String> lines = log.lines();
            assertTrue(lines.stream().anyMatch(line -> line.contains(id)), "the service did log about the webhook");
            for (String line : lines) {
                assertFalse(line.contains(given), "secret in log line: " + line);
                assertFalse(line.contains(generated), "generated secret in log line: " + line);
                assertFalse(line.contains(rotated), "rotated secret in log line: " + line);
            }
        }
    }
}
