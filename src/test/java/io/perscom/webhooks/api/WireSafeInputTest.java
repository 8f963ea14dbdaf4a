package io.perscom.webhooks.api;

import static io.perscom.webhooks.support.RawBytes.hex;
import static io.perscom.webhooks.support.RawBytes.utf8;
import static io.perscom.webhooks.support.RawBytes.withBytes;
import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.PERSCOM;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.perscom.webhooks.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Input that JSON, PHP or receivers cannot represent is refused where it enters: numbers that parse to infinity,
 * years outside 0001-9999, malformed UTF-8, and page numbers whose offset would overflow.
 */
@QuarkusTest
class WireSafeInputTest {

    private String tenant;
    private String webhookId;

    @BeforeEach
    void freshWebhook() {
        tenant = freshTenant();
        webhookId = webhook(tenant, "http://127.0.0.2:9/x", null, "user.created");
    }

    private ValidatableResponse ingestRaw(String path, byte[] body) {
        return given().auth().oauth2(PERSCOM).contentType("application/json").body(body).when().post(path).then();
    }

    private String event(String data) {
        return "{\"tenant_id\":\"" + tenant + "\",\"event\":\"user.created\",\"data\":" + data + "}";
    }

    private static void outOfRange(ValidatableResponse response, String field) {
        response.statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo("number out of range"));
    }

    @Test
    void numbersThatParseToInfinityAreRefusedNamingTheField() {
        outOfRange(ingestRaw("/internal/v1/events", utf8(event("{\"n\":1e400}"))), "data.n");
        outOfRange(ingestRaw("/internal/v1/events", utf8(event("{\"a\":[1,{\"b\":-1e400}]}"))), "data.a[1].b");
        outOfRange(ingestRaw("/internal/v1/events", utf8(event("{}").replace("}}",
                "},\"changes\":{\"rank\":{\"old\":1,\"new\":1.8e308}}}"))), "changes.rank.new");
        outOfRange(ingestRaw("/internal/v1/events/batch", utf8("[" + event("{}") + "," + event("{\"n\":1e999}")
                + "]")), "[1].data.n");
        outOfRange(admin(tenant).body(utf8("{\"n\":1e400}")).when().post("/api/v1/webhooks/" + webhookId + "/test")
                .then(), "n");
        outOfRange(admin(tenant).body(utf8("{\"name\":\"a\",\"trigger\":\"user.created\",\"webhook_id\":\""
                + webhookId + "\",\"webhook_payload_template\":{\"x\":1e400}}")).when().post("/api/v1/automations")
                .then(), "webhook_payload_template.x");
        assertEquals(0, count("select count(*) from event where tenant_id = ?", tenant));
        assertEquals(0, count("select count(*) from automation where tenant_id = ?", tenant));
        assertEquals(0, count("select count(*) from delivery_attempt where tenant_id = ?", tenant));
        // Large but finite numbers and big integers are JSON, and stay accepted.
        ingestRaw("/internal/v1/events", utf8(event("{\"n\":1.7e308,\"i\":" + "9".repeat(40) + ",\"t\":1e-400}")))
                .statusCode(202);
    }

    @ParameterizedTest
    @ValueSource(strings = { "-999999999-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
            "0000-12-31T23:59:59Z" })
    void occurredAtOutsideFourDigitYearsIsRefused(String time) {
        ingestRaw("/internal/v1/events", utf8(event("{}").replace("}}", "},\"occurred_at\":\"" + time + "\"}")))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("occurred_at"));
        assertEquals(0, count("select count(*) from event where tenant_id = ?", tenant));
    }

    @Test
    void occurredAtAtTheEdgesOfFourDigitYearsIsAccepted() {
        for (String time : List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")) {
            ingestRaw("/internal/v1/events", utf8(event("{}").replace("}}", "},\"occurred_at\":\"" + time + "\"}")))
                    .statusCode(202);
        }
    }

    /** Overlong "/" (C0 AF), an overlong NUL (E0 80 80), an encoded surrogate (ED A0 80), a cut sequence (E2 82). */
    @ParameterizedTest
    @ValueSource(strings = { "c0af", "e08080", "eda080", "e282", "f4908080" })
    void malformedUtf8IsRefusedOnEveryJsonEndpoint(String hex) {
        byte[] bad = hex(hex);
        ingestRaw("/internal/v1/events", withBytes(event("{\"x\":\"a@b\"}"), bad)).statusCode(400)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("malformed-body"));
        ingestRaw("/internal/v1/events/batch", withBytes("[" + event("{\"x\":\"a@b\"}") + "]", bad)).statusCode(400)
                .contentType("application/problem+json");
        String admin = TestTokens.admin(tenant);
        for (String[] call : List.of(new String[] { "POST", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.2:9/a@b\"}" },
                new String[] { "PATCH", "/api/v1/webhooks/" + webhookId, "{\"name\":\"a@b\"}" },
                new String[] { "POST", "/api/v1/webhooks/" + webhookId + "/test", "{\"x\":\"a@b\"}" })) {
            given().auth().oauth2(admin).contentType("application/json").body(withBytes(call[2], bad))
                    .when().request(call[0], call[1]).then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(0, count("select count(*) from event where tenant_id = ?", tenant));
        assertEquals(0, count("select count(*) from delivery_attempt where tenant_id = ?", tenant));
        assertEquals(1, count("select count(*) from webhook where tenant_id = ? and name is distinct from 'a/b'",
                tenant));
    }

    @ParameterizedTest
    @ValueSource(strings = { "page=21474838&limit=100", "page=2147483647", "page=2147483647&limit=1" })
    void pagesWhoseOffsetWouldOverflowAreRefused(String query) {
        for (String path : List.of("/api/v1/webhooks", "/api/v1/webhooks/" + webhookId + "/logs",
                "/api/v1/automations")) {
            admin(tenant).urlEncodingEnabled(false).when().get(path + "?" + query).then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        }
    }
}
