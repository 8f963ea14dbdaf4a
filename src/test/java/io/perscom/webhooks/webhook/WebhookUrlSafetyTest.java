package io.perscom.webhooks.webhook;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.count;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * URLs that would leak credentials or be read as different hosts by different software are refused when saved
 * (never resolved, never sent to: these tests only save).
 */
@QuarkusTest
class WebhookUrlSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = { "http://0177.0.0.2:9/x", "http://0x7f.1:9/x", "http://127.1:9/x",
            "http://2130706434:9/x", "http://0x7f000001/x", "http://017700000001/x", "http://0x7f.0.0.02/x",
            "http://127.0.0.2.:9/x", "https://0177.0.0.2/x" })
    void ambiguousNumericHostsAreRefused(String url) {
        String tenant = freshTenant();
        admin(tenant).body(Map.of("url", url, "events", List.of("user.created"))).when().post("/api/v1/webhooks")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("ambiguous numeric host"));
        String id = admin(tenant).body(Map.of("url", "http://127.0.0.2:9/x")).when().post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        admin(tenant).body(Map.of("url", url)).when().patch("/api/v1/webhooks/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("url"));
        assertEquals(1, count("select count(*) from webhook where tenant_id = ?", tenant));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://user:pass@127.0.0.2:9/x", "https://token@127.0.0.2/x", "http://:pw@127.0.0.2/",
            "http://a%40b:c@127.0.0.2/" })
    void credentialsInTheUrlAreRefusedAndNeverStored(String url) {
        String tenant = freshTenant();
        admin(tenant).body(Map.of("url", url)).when().post("/api/v1/webhooks").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("credentials in the URL are not allowed"))
                .body(org.hamcrest.Matchers.not(containsString("pass")));
        assertEquals(0, count("select count(*) from webhook where tenant_id = ?", tenant));
    }
}
