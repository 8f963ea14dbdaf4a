package io.perscom.webhooks.tenancy.plan;

import static io.perscom.webhooks.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.support.Api;
import io.perscom.webhooks.support.TestTokens;
import io.perscom.webhooks.tenancy.TenancyConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The default plan of tenants PERSCOM has not reported, both ways, without restarting the service: the SQL
 * predicate every work-creating statement carries, and {@link TenantPlans} built with the other default.
 */
@QuarkusTest
class PlanDefaultTest {

    @Inject
    Pool pool;

    private static TenancyConfig defaultPlan(String plan) {
        return new TenancyConfig() {
            @Override
            public String claim() {
                return "tenant_id";
            }

            @Override
            public String defaultPlan() {
                return plan;
            }
        };
    }

    private boolean entitled(String tenantId, boolean defaultEntitled) {
        return pool.preparedQuery("select " + Plans.entitledSql("$1", "$2") + " as entitled")
                .execute(Tuple.of(tenantId, defaultEntitled)).await().indefinitely().iterator().next()
                .getBoolean("entitled");
    }

    private static void report(String tenantId, String plan) {
        as(TestTokens.withScope("perscom", "manage:tenant")).body(Map.of("plan", plan)).when()
                .put("/internal/v1/tenants/" + tenantId + "/plan").then().statusCode(200);
    }

    @Test
    void theDefaultDecidesOnlyForTenantsNeverReported() {
        String unreported = Api.freshTenant();
        String pro = Api.freshTenant();
        String enterprise = Api.freshTenant();
        report(pro, "pro");
        report(enterprise, "enterprise");
        for (boolean defaultEntitled : new boolean[] { true, false }) {
            assertEquals(defaultEntitled, entitled(unreported, defaultEntitled));
            assertFalse(entitled(pro, defaultEntitled));
            assertTrue(entitled(enterprise, defaultEntitled));
        }
    }

    @Test
    void withDefaultNoCurrentPlanAnUnreportedTenantIsRefused() {
        TenantPlans plans = new TenantPlans(pool, defaultPlan("no_current_plan"));
        String unreported = Api.freshTenant();
        assertFalse(plans.defaultEntitled());
        TenantPlanView view = plans.find(unreported).await().indefinitely();
        assertEquals("no_current_plan", view.plan());
        assertFalse(view.entitled());
        assertFalse(view.reported());
        assertNull(view.updatedAt());
        ApiException refusal = assertThrows(ApiException.class,
                () -> plans.requireEntitled(unreported).await().indefinitely());
        assertEquals(403, refusal.problem().status());
        assertTrue(refusal.problem().type().endsWith("/plan-required"), refusal.problem().type());

        report(unreported, "enterprise");
        plans.requireEntitled(unreported).await().indefinitely();
    }

    @Test
    void anUnknownDefaultPlanStopsStartUp() {
        assertThrows(IllegalStateException.class, () -> new TenantPlans(pool, defaultPlan("gold")));
    }
}
