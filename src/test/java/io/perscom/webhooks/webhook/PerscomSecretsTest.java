package io.perscom.webhooks.webhook;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestReceiver.Received;
import io.perscom.webhooks.support.Verify;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every secret PERSCOM accepts (1-255 characters, any text) is accepted and signs both headers, so a receiver that
 * moves over keeps checking {@code Signature} with the secret it has; weak ones are accepted with warnings.
 */
@QuarkusTest
class PerscomSecretsTest extends ReceiverTest {

    private static final List<String> PERSCOM_SECRETS = List.of(
            "Zq4v9TnR2bWk7YxP3sLm8HcJ5dGf1aQe",
            " with spaces, tab\tand \u00fcnic\u00f6de \ud83d\ude00 ",
            "whsec_not*base64*at*all*!!",
            "x",
            "\u00e9".repeat(255));

    @Test
    void everySecretPerscomAcceptsSignsBothHeaders() {
        for (int i = 0; i < PERSCOM_SECRETS.size(); i++) {
            String secret = PERSCOM_SECRETS.get(i);
            String path = "/perscom-" + i;
            String id = admin(tenant).body(Map.of("url", receiver.url(path), "events", List.of("user.created"),
                    "secret", secret)).when().post("/api/v1/webhooks").then().statusCode(201)
                    .body("secret", equalTo(secret)).extract().path("id");
            admin(tenant).when().get("/api/v1/webhooks/" + id + "/secret").then().body("secret", equalTo(secret));
        }
        ingest(event(tenant, "user.created", Map.of("id", 1))).statusCode(202)
                .body("deliveries", equalTo(PERSCOM_SECRETS.size()));
        for (int i = 0; i < PERSCOM_SECRETS.size(); i++) {
            Received request = receiver.await("/perscom-" + i, 1, WAIT).get(0);
            // PERSCOM's check: hex HMAC-SHA256 of the body with the secret as typed; and Standard Webhooks keyed with
            // its UTF-8 bytes.
            Verify.post(PERSCOM_SECRETS.get(i), request);
        }
    }

    @Test
    void weakSecretsAreAcceptedWithWarningsOnCreateUpdateAndRotate() {
        String id = admin(tenant).body(Map.of("url", receiver.url("/weak"), "secret", "password"))
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .body("warnings[0]", containsString("common word or password"))
                .body("warnings[0]", containsString("only 8 characters long")).extract().path("id");
        admin(tenant).body(Map.of("secret", "aaaaaaaaaaaaaaaaaaaaaaaa")).when().patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("warnings[0]", containsString("only 1 different characters"));
        admin(tenant).body(Map.of("name", "no secret given")).when().patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("warnings", nullValue());
        admin(tenant).body(Map.of("secret", "1234567890123456")).when()
                .post("/api/v1/webhooks/" + id + "/secret/rotate").then().statusCode(200)
                .body("warnings[0]", containsString("repeated or consecutive"));
        admin(tenant).when().post("/api/v1/webhooks/" + id + "/secret/rotate").then().statusCode(200)
                .body("warnings", nullValue());
    }

    @Test
    void onlySecretsPerscomWouldRefuseAreRefused() {
        for (String refused : List.of("", "  ", "s".repeat(256))) {
            admin(tenant).body(Map.of("url", receiver.url("/refused"), "secret", refused))
                    .when().post("/api/v1/webhooks").then().statusCode(422).body("errors.field", hasItem("secret"));
        }
        admin(tenant).body("{\"url\":\"" + receiver.url("/refused") + "\",\"secret\":\"half a pair \\ud800\"}")
                .when().post("/api/v1/webhooks").then().statusCode(422)
                .body("errors[0].message", equalTo("must be valid Unicode text"));
    }
}
