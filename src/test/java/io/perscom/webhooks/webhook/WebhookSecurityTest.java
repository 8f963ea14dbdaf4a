package io.perscom.webhooks.webhook;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.as;
import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.perscom.webhooks.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WebhookSecurityTest {

    private static final Map<String, Object> BODY = Map.of("url", "https://example.com/hook",
            "events", java.util.List.of("user.created"));

    @Test
    void noTokenIs401WithBearerChallenge() {
        given().when().get("/api/v1/webhooks").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @ParameterizedTest
    @ValueSource(strings = { "stranger", "expired", "issuer", "garbage" })
    void invalidTokensAre401(String kind) {
        String tenant = freshTenant();
        String token = switch (kind) {
            case "stranger" -> TestTokens.signedByStranger(tenant);
            case "expired" -> TestTokens.expired(tenant);
            case "issuer" -> TestTokens.wrongIssuer(tenant);
            default -> "not.a.jwt";
        };
        as(token).when().get("/api/v1/webhooks").then().statusCode(401);
        as(token).body(BODY).when().post("/api/v1/webhooks").then().statusCode(401);
    }

    @Test
    void tokenWithoutManageScopeIs403() {
        String token = TestTokens.withScope(freshTenant(), "openid publish:event");
        as(token).when().get("/api/v1/webhooks").then().statusCode(403)
                .contentType("application/problem+json");
        as(token).body(BODY).when().post("/api/v1/webhooks").then().statusCode(403);
        as(token).when().get("/api/v1/event-types").then().statusCode(403);
    }

    @Test
    void tokenWithoutTenantClaimIs403() {
        as(TestTokens.withoutTenant("manage:webhook")).when().get("/api/v1/webhooks").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("tenant_id"));
    }

    @Test
    void tenantClaimMustBeAPlausibleId() {
        as(TestTokens.withScope("../../etc", "manage:webhook")).when().get("/api/v1/webhooks").then()
                .statusCode(403);
    }

    @Test
    void otherTenantsWebhookIsNotFoundForEveryOperation() {
        String owner = freshTenant();
        String intruder = freshTenant();
        String id = admin(owner).body(BODY).when().post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");

        String path = "/api/v1/webhooks/" + id;
        admin(intruder).when().get(path).then().statusCode(404).contentType("application/problem+json");
        admin(intruder).when().get(path + "/secret").then().statusCode(404);
        admin(intruder).body(BODY).when().put(path).then().statusCode(404);
        admin(intruder).body(Map.of("enabled", false)).when().patch(path).then().statusCode(404);
        admin(intruder).when().delete(path).then().statusCode(404);
        admin(intruder).when().get("/api/v1/webhooks").then().statusCode(200).body("meta.total", equalTo(0));

        admin(owner).when().get(path).then().statusCode(200).body("enabled", equalTo(true))
                .body("url", equalTo("https://example.com/hook"));
    }

    @Test
    void operationalEndpointsNeedNoTokenOnTheManagementPort() {
        management().when().get("/q/health/ready").then().statusCode(200);
        management().when().get("/q/health/live").then().statusCode(200);
        management().when().get("/q/metrics").then().statusCode(200);
        management().when().get("/q/openapi").then().statusCode(200);
    }
}
