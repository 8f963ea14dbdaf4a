package io.perscom.webhooks.webhook;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.execute;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.perscom.webhooks.secrets.EncryptedSecret;
import io.perscom.webhooks.secrets.SecretCipher;
import io.perscom.webhooks.secrets.SecretsConfig;
import io.perscom.webhooks.support.TestConfig;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SecretResealerTest {

    @Inject
    SecretResealer resealer;

    @Test
    void secretsSealedWithAnOldKeyAreReEncryptedWithTheActiveOne() {
        String tenant = freshTenant();
        String secret = "sealed-with-the-old-key-0123456789";
        String id = admin(tenant).body(Map.of("url", "https://example.com/h", "secret", secret))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        // Seal it again as a replica still running with the previous active key (test-1) would have.
        EncryptedSecret old = oldKeyCipher().encrypt(secret, id);
        execute("update webhook set secret_key_id = ?, secret_ciphertext = ? where id = ?", old.keyId(),
                old.sealed(), UUID.fromString(id));
        admin(tenant).when().get("/api/v1/webhooks/" + id + "/secret").then().body("secret", equalTo(secret));

        resealer.resealAll().await().atMost(Duration.ofSeconds(30));

        assertEquals(0, count("select count(*) from webhook where secret_key_id <> 'test-2'"));
        admin(tenant).when().get("/api/v1/webhooks/" + id + "/secret").then().body("secret", equalTo(secret));
    }

    private static SecretCipher oldKeyCipher() {
        List<String> keys = ConfigProvider.getConfig().getValues("webhooks.secrets.encryption-keys", String.class);
        return new SecretCipher(TestConfig.mapping(SecretsConfig.class, Map.of(
                "webhooks.secrets.encryption-keys", String.join(",", keys), "webhooks.secrets.active-key-id", "test-1")));
    }
}
