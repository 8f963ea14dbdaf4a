package io.perscom.webhooks.webhook;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.freshTenant;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class WebhookCrudTest {

    @Test
    void createReturnsTheWebhookWithAGeneratedSecretOnce() {
        String tenant = freshTenant();
        ExtractableResponse<Response> created = admin(tenant)
                .body(Map.of("name", "Discord bridge", "description", "Posts promotions",
                        "url", "https://example.com/hooks/perscom", "method", "GET",
                        "events", List.of("rankrecord.created", "user.updated", "rankrecord.created")))
                .when().post("/api/v1/webhooks")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/webhooks/[0-9a-f-]{36}"))
                .body("name", equalTo("Discord bridge"))
                .body("method", equalTo("get"))
                .body("events", contains("rankrecord.created", "user.updated"))
                .body("enabled", equalTo(true))
                .body("secret", startsWith("whsec_"))
                .extract();
        String id = created.path("id");
        String secret = created.path("secret");
        assertTrue(secret.length() >= 32 + "whsec_".length(), "generated secret has 32+ characters: " + secret);
        String createdAt = created.path("created_at");
        assertTrue(createdAt.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), createdAt);

        admin(tenant).when().get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("$", not(hasKey("secret")))
                .body("created_at", equalTo(createdAt))
                .body("description", equalTo("Posts promotions"));
        admin(tenant).when().get("/api/v1/webhooks").then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0]", not(hasKey("secret")))
                .body("data[0].id", equalTo(id));
        admin(tenant).when().get("/api/v1/webhooks/" + id + "/secret").then().statusCode(200)
                .body("secret", equalTo(secret));
    }

    @Test
    void aSecretGivenByTheClientIsKept() {
        String tenant = freshTenant();
        String id = admin(tenant).body(Map.of("url", "http://receiver.example.com/", "secret",
                "a-perscom-secret-of-32-characters"))
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", equalTo("a-perscom-secret-of-32-characters"))
                .body("name", equalTo("receiver.example.com"))
                .body("method", equalTo("post"))
                .body("events", hasSize(0))
                .extract().path("id");
        admin(tenant).when().get("/api/v1/webhooks/" + id + "/secret").then()
                .body("secret", equalTo("a-perscom-secret-of-32-characters"));
    }

    @Test
    void putReplacesAndPatchChangesOnlyWhatIsGiven() {
        String tenant = freshTenant();
        ExtractableResponse<Response> created = admin(tenant)
                .body(Map.of("name", "first", "description", "old text", "url", "https://a.example.com/x",
                        "method", "get", "events", List.of("user.created")))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract();
        String id = created.path("id");
        String secret = created.path("secret");
        String path = "/api/v1/webhooks/" + id;

        admin(tenant).body(Map.of("name", "second", "url", "https://b.example.com/y", "events",
                List.of("awardrecord.deleted"), "enabled", false))
                .when().put(path).then().statusCode(200)
                .body("name", equalTo("second"))
                .body("description", nullValue())
                .body("method", equalTo("post"))
                .body("url", equalTo("https://b.example.com/y"))
                .body("events", contains("awardrecord.deleted"))
                .body("enabled", equalTo(false));

        String beforePatch = admin(tenant).when().get(path).then().extract().path("updated_at");
        admin(tenant).body(Map.of("enabled", true, "description", "new text"))
                .when().patch(path).then().statusCode(200)
                .body("name", equalTo("second"))
                .body("url", equalTo("https://b.example.com/y"))
                .body("events", contains("awardrecord.deleted"))
                .body("description", equalTo("new text"))
                .body("enabled", equalTo(true));
        String afterPatch = admin(tenant).when().get(path).then().extract().path("updated_at");
        assertTrue(Instant.parse(afterPatch).isAfter(Instant.parse(beforePatch)), "updated_at moves forward");
        assertEquals(created.path("created_at").toString(),
                admin(tenant).when().get(path).then().extract().path("created_at"));

        admin(tenant).when().get(path + "/secret").then().body("secret", equalTo(secret));
        admin(tenant).body(Map.of("secret", "rotated-secret-0123456789")).when().patch(path).then().statusCode(200);
        admin(tenant).when().get(path + "/secret").then().body("secret", equalTo("rotated-secret-0123456789"));
    }

    @Test
    void deleteRemovesTheWebhook() {
        String tenant = freshTenant();
        String id = admin(tenant).body(Map.of("url", "https://example.com/h")).when().post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        admin(tenant).when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        admin(tenant).when().get("/api/v1/webhooks/" + id).then().statusCode(404);
        admin(tenant).when().delete("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void listIsPaginatedAndFiltered() {
        String tenant = freshTenant();
        create(tenant, "one", List.of("user.created"), true);
        create(tenant, "two", List.of("user.created", "user.deleted"), false);
        create(tenant, "three", List.of("calendar.updated"), true);

        admin(tenant).queryParam("limit", 2).when().get("/api/v1/webhooks").then().statusCode(200)
                .body("data.name", contains("three", "two"))
                .body("meta.total", equalTo(3))
                .body("meta.per_page", equalTo(2))
                .body("meta.current_page", equalTo(1))
                .body("meta.last_page", equalTo(2));
        admin(tenant).queryParam("limit", 2).queryParam("page", 2).when().get("/api/v1/webhooks").then()
                .body("data.name", contains("one"));
        admin(tenant).queryParam("event", "user.created").when().get("/api/v1/webhooks").then()
                .body("data.name", contains("two", "one")).body("meta.total", equalTo(2));
        admin(tenant).queryParam("event", "user.created").queryParam("enabled", "true")
                .when().get("/api/v1/webhooks").then()
                .body("data.name", contains("one")).body("meta.total", equalTo(1));
        admin(tenant).queryParam("enabled", "false").when().get("/api/v1/webhooks").then()
                .body("data.name", contains("two"));
    }

    private static void create(String tenant, String name, List<String> events, boolean enabled) {
        admin(tenant).body(Map.of("name", name, "url", "https://example.com/" + name, "events", events,
                "enabled", enabled)).when().post("/api/v1/webhooks").then().statusCode(201);
    }
}
