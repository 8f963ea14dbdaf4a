package io.perscom.webhooks.webhook;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.freshTenant;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

import io.perscom.webhooks.support.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class WebhookValidationTest {

    private static final String LONG = "x".repeat(3000);

    static List<Arguments> invalidFields() {
        return List.of(
                Arguments.of(with("events", List.of("user.created", "user.promoted")), "events[1]"),
                Arguments.of(with("events", List.of("webhook.*")), "events[0]"),
                Arguments.of(with("url", "ftp://example.com/file"), "url"),
                Arguments.of(with("url", "/relative/path"), "url"),
                Arguments.of(with("url", "https://"), "url"),
                Arguments.of(with("url", "https://example.com/" + LONG), "url"),
                Arguments.of(with("url", "http://exa mple.com"), "url"),
                Arguments.of(with("method", "PUT"), "method"),
                Arguments.of(with("name", "n".repeat(256)), "name"),
                Arguments.of(with("name", "   "), "name"),
                Arguments.of(with("description", LONG), "description"),
                Arguments.of(with("secret", ""), "secret"),
                Arguments.of(with("secret", " \t\n "), "secret"),
                Arguments.of(with("secret", "s".repeat(256)), "secret"),
                Arguments.of(with("enabled", "yes"), "enabled"),
                Arguments.of(with("enabled", 1), "enabled"),
                Arguments.of(with("name", 12), "name"),
                Arguments.of(with("events", "user.created"), "events"),
                Arguments.of(with("events", List.of(7)), "events[0]"),
                Arguments.of(with("color", "blue"), "color"));
    }

    @ParameterizedTest
    @MethodSource("invalidFields")
    void eachInvalidFieldIsNamedInA422Problem(Map<String, Object> body, String field) throws SQLException {
        String tenant = freshTenant();
        long before = rows(tenant);
        admin(tenant).body(body).when().post("/api/v1/webhooks").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("type", containsString("validation"))
                .body("errors.field", hasItem(field));
        assertEquals(before, rows(tenant), "a refused request writes nothing");
    }

    @Test
    void allErrorsAreReportedTogether() {
        admin(freshTenant())
                .body(Map.of("url", "nope", "method", "delete", "events", List.of("user.created", "bogus")))
                .when().post("/api/v1/webhooks").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("url", "method", "events[1]"));
    }

    @Test
    void urlIsRequiredOnCreateAndReplace() {
        String tenant = freshTenant();
        admin(tenant).body(Map.of("name", "no url")).when().post("/api/v1/webhooks").then().statusCode(422)
                .body("errors.field", hasItem("url"));
        String id = admin(tenant).body(with("name", "ok")).when().post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");
        admin(tenant).body(Map.of("name", "no url")).when().put("/api/v1/webhooks/" + id).then().statusCode(422)
                .body("errors.field", hasItem("url"));
        admin(tenant).body(Map.of("method", "trace")).when().patch("/api/v1/webhooks/" + id).then()
                .statusCode(422).body("errors.field", hasItem("method"));
        admin(tenant).when().get("/api/v1/webhooks/" + id).then().body("method", equalTo("post"));
    }

    @Test
    void malformedJsonIs400() {
        String tenant = freshTenant();
        for (String body : List.of("{\"url\": ", "not json", "[1,2]", "{\"url\": \"https://e.com\",}")) {
            admin(tenant).body(body).when().post("/api/v1/webhooks").then()
                    .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        }
    }

    @Test
    void missingBodyIsAnError() {
        admin(freshTenant()).when().post("/api/v1/webhooks").then().statusCode(422)
                .body("errors.field", hasItem("url"));
    }

    @Test
    void badQueryParametersAreFieldErrors() {
        admin(freshTenant()).queryParam("page", "zero").queryParam("limit", 1000).queryParam("enabled", "maybe")
                .queryParam("event", "nope")
                .when().get("/api/v1/webhooks").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("page", "limit", "enabled", "event"));
    }

    @Test
    void idsThatAreNotUuidsAre404() {
        for (String id : List.of("123", "..%2F..%2Fetc", "00000000-0000-0000-0000-00000000000g")) {
            admin(freshTenant()).when().get("/api/v1/webhooks/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void wrongMediaTypeIs415() {
        ValidatableResponse response = admin(freshTenant()).contentType("text/plain").body("url=x")
                .when().post("/api/v1/webhooks").then();
        response.statusCode(415).contentType("application/problem+json");
    }

    @Test
    void problemsNeverEchoTheSecret() {
        String secret = "whsec_this-is-not-base64-and-is-secret";
        admin(freshTenant()).body(Map.of("url", "https://example.com", "secret", secret, "method", "bad"))
                .when().post("/api/v1/webhooks").then().statusCode(422)
                .body(not(containsString(secret)));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", "https://example.com/hook");
        body.put(field, value);
        return body;
    }

    private static long rows(String tenant) throws SQLException {
        try (Connection db = PostgresTestDatabase.connect(); Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("select count(*) from webhook where tenant_id = '" + tenant + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
