package io.perscom.webhooks.tenancy.plan;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.as;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.Metrics;
import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With {@code default-plan=no_current_plan}, tenants PERSCOM never reported have no webhooks until it does. */
@QuarkusTest
@TestProfile(DefaultPlanTest.UnknownTenantsRefused.class)
class DefaultPlanTest extends ReceiverTest {

    public static class UnknownTenantsRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("webhooks.tenancy.default-plan", "no_current_plan");
        }
    }

    private static final String SERVICE = TestTokens.withScope("perscom", "manage:tenant");

    @Test
    void anUnreportedTenantIsRefusedUntilPerscomReportsEnterprise() {
        String path = "/internal/v1/tenants/" + tenant + "/plan";
        as(SERVICE).when().get(path).then().statusCode(200).body("plan", equalTo("no_current_plan"))
                .body("entitled", equalTo(false)).body("reported", equalTo(false));
        admin(tenant).when().get("/api/v1/webhooks").then().statusCode(403)
                .body("type", endsWith("/plan-required")).body("detail", containsString("'no_current_plan'"));
        String series = "webhooks_events_not_entitled_total{reason=\"not_reported\"}";
        double before = Metrics.value(series);
        ingest(event(tenant, "user.created", Map.of("id", 1))).statusCode(202).body("deliveries", equalTo(0));
        assertEquals(before + 1, Metrics.value(series));

        as(SERVICE).body(Map.of("plan", "enterprise")).when().put(path).then().statusCode(200)
                .body("entitled", equalTo(true)).body("reported", equalTo(true));
        admin(tenant).body(Map.of("url", receiver.url("/hook"), "events", java.util.List.of("user.created")))
                .when().post("/api/v1/webhooks").then().statusCode(201);
        ingest(event(tenant, "user.created", Map.of("id", 2))).statusCode(202).body("deliveries", equalTo(1));
        receiver.await("/hook", 1, WAIT);
        assertEquals(1, count("select count(*) from delivery where tenant_id = ?", tenant));
    }
}
