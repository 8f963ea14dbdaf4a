package io.perscom.webhooks.attemptlog;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static io.perscom.webhooks.support.Management.management;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.Await;
import io.perscom.webhooks.support.ReceiverTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Attempt logs found by the request_id and trace_id PERSCOM gave the event. */
@QuarkusTest
class AttemptLogIdFilterTest extends ReceiverTest {

    @Test
    void logsAreFilteredByTheEventsRequestAndTraceIds() {
        String id = webhook(tenant, receiver.url("/ids"), null, "user.created", "user.updated");
        String first = send("user.created", "req-a", "trace-1");
        String second = send("user.updated", "req-b", "trace-1");
        send("user.updated", null, null);
        Await.until(() -> logs(id, Map.of()).extract().<List<?>> path("data"), l -> l.size() == 3, WAIT,
                "three attempts");

        logs(id, Map.of("request_id", "req-a")).body("meta.total", equalTo(1)).body("data[0].event_id", equalTo(first));
        logs(id, Map.of("request_id", "req-b", "event", "user.updated")).body("meta.total", equalTo(1))
                .body("data[0].event_id", equalTo(second));
        logs(id, Map.of("trace_id", "trace-1")).body("meta.total", equalTo(2))
                .body("data.event_id", hasItems(first, second));
        logs(id, Map.of("trace_id", "trace-1", "request_id", "req-a")).body("meta.total", equalTo(1));
        logs(id, Map.of("request_id", "req-c")).body("meta.total", equalTo(0));
        // The same ids in another tenant's events are not this webhook's attempts.
        webhook(io.perscom.webhooks.support.Api.freshTenant(), receiver.url("/other"), null, "user.created");
        logs(id, Map.of("request_id", "REQ-A")).body("meta.total", equalTo(0));
    }

    @Test
    void badIdsAreFieldErrors() {
        String id = webhook(tenant, receiver.url("/bad"), null, "user.created");
        admin(tenant).queryParam("request_id", "r".repeat(129)).queryParam("trace_id", "t\u0002")
                .when().get("/api/v1/webhooks/" + id + "/logs").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("request_id", "trace_id"));
        admin(tenant).queryParam("trace_id", "t".repeat(128)).queryParam("request_id", "a\u0001b")
                .when().get("/api/v1/webhooks/" + id + "/logs").then()
                .statusCode(422).body("errors.field", equalTo(List.of("request_id")));
    }

    @Test
    void theFiltersAreInTheOpenApiDocument() {
        management().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/webhooks/{id}/logs'.get.parameters.name", hasItems("request_id", "trace_id"));
    }

    private String send(String type, String requestId, String traceId) {
        Map<String, Object> body = event(tenant, type, Map.of("id", 1));
        body.put("request_id", requestId);
        body.put("trace_id", traceId);
        return ingest(body).statusCode(202).extract().path("id");
    }

    private ValidatableResponse logs(String webhookId, Map<String, String> query) {
        return admin(tenant).queryParams(query).when().get("/api/v1/webhooks/" + webhookId + "/logs").then()
                .statusCode(200);
    }
}
