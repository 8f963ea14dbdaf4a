package io.perscom.webhooks.ingest;

import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.PERSCOM;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class IngestResourceTest {

    @Test
    void needsAServiceTokenWithPublishScope() {
        Map<String, Object> body = event(freshTenant(), "user.created", Map.of("id", 1));
        given().contentType(ContentType.JSON).body(body).when().post("/internal/v1/events").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin("t1")).contentType(ContentType.JSON).body(body)
                .when().post("/internal/v1/events").then().statusCode(403);
        given().auth().oauth2(TestTokens.signedByStranger("t1")).contentType(ContentType.JSON).body(body)
                .when().post("/internal/v1/events").then().statusCode(401);
    }

    @Test
    void theSameEventIdGivesOneSetOfDeliveries() {
        String tenant = freshTenant();
        webhook(tenant, "http://127.0.0.1:9/a", null, "user.created");
        webhook(tenant, "http://127.0.0.1:9/b", null, "user.created");
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = event(tenant, "user.created", Map.of("id", 1));
        body.put("id", id);
        ingest(body).statusCode(202).body("deliveries", equalTo(2)).body("duplicate", equalTo(false));
        ingest(body).statusCode(202).body("id", equalTo(id)).body("deliveries", equalTo(2))
                .body("duplicate", equalTo(true));
        assertEquals(1, count("select count(*) from event where id = ?", UUID.fromString(id)));
        assertEquals(2, count("select count(*) from delivery where event_id = ?", UUID.fromString(id)));

        Map<String, Object> stolen = event(freshTenant(), "user.created", Map.of("id", 1));
        stolen.put("id", id);
        ingest(stolen).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aRefusedEventLeavesNoRows() {
        String tenant = freshTenant();
        webhook(tenant, "http://127.0.0.1:9/a", null, "user.created");
        List<Object> bad = new ArrayList<>();
        bad.add(event(tenant, "user.promoted", Map.of("id", 1)));
        bad.add(event(tenant, "webhook.test", Map.of("id", 1)));
        Map<String, Object> noTenant = event(tenant, "user.created", Map.of("id", 1));
        noTenant.remove("tenant_id");
        bad.add(noTenant);
        Map<String, Object> noData = event(tenant, "user.created", null);
        bad.add(noData);
        Map<String, Object> unknownField = event(tenant, "user.created", Map.of());
        unknownField.put("tenant", "x");
        bad.add(unknownField);
        Map<String, Object> badId = event(tenant, "user.created", Map.of());
        badId.put("id", "not-a-uuid");
        bad.add(badId);
        for (Object body : bad) {
            ingest(body).statusCode(422).contentType("application/problem+json");
        }
        ingest("{\"tenant_id\": ").statusCode(400).contentType("application/problem+json");
        ingest("").statusCode(400);
        assertEquals(0, count("select count(*) from event where tenant_id = ?", tenant));
        assertEquals(0, count("select count(*) from delivery where tenant_id = ?", tenant));
    }

    @Test
    void fieldErrorsNameTheField() {
        Map<String, Object> body = event("bad tenant!", "nope", Map.of());
        body.put("changes", List.of(1));
        ingest(body).statusCode(422).body("errors.field", hasItems("tenant_id", "event", "changes"));
    }

    @Test
    void anOversizedBodyIs413() {
        String tenant = freshTenant();
        Map<String, Object> body = event(tenant, "user.created", Map.of("blob", "x".repeat(1_100_000)));
        ingest(body).statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        assertEquals(0, count("select count(*) from event where tenant_id = ?", tenant));
    }

    @Test
    void aBatchIsAcceptedWholeOrNotAtAll() {
        String tenant = freshTenant();
        webhook(tenant, "http://127.0.0.1:9/a", null, "user.created", "user.deleted");
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(event(tenant, "user.created", Map.of("id", 1)));
        batch.add(event(tenant, "user.deleted", Map.of("id", 1)));
        batch.add(event(tenant, "rankrecord.created", Map.of("id", 1)));
        given().auth().oauth2(PERSCOM).contentType(ContentType.JSON).body(batch)
                .when().post("/internal/v1/events/batch").then().statusCode(202)
                .body("data.deliveries", equalTo(List.of(1, 1, 0)));
        assertEquals(3, count("select count(*) from event where tenant_id = ?", tenant));

        String other = freshTenant();
        List<Map<String, Object>> halfBad = new ArrayList<>();
        halfBad.add(event(other, "user.created", Map.of("id", 1)));
        halfBad.add(event(other, "user.exploded", Map.of("id", 1)));
        given().auth().oauth2(PERSCOM).contentType(ContentType.JSON).body(halfBad)
                .when().post("/internal/v1/events/batch").then().statusCode(422)
                .body("errors.field", hasItem("[1].event"));
        assertEquals(0, count("select count(*) from event where tenant_id = ?", other));

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(new HashMap<>(event(other, "user.created", Map.of("id", i))));
        }
        given().auth().oauth2(PERSCOM).contentType(ContentType.JSON).body(tooMany)
                .when().post("/internal/v1/events/batch").then().statusCode(422);
        given().auth().oauth2(PERSCOM).contentType(ContentType.JSON).body("[]")
                .when().post("/internal/v1/events/batch").then().statusCode(422);
        assertEquals(0, count("select count(*) from event where tenant_id = ?", other));
    }
}
