package io.perscom.webhooks.tenancy.plan;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.api.Problem;
import io.perscom.webhooks.tenancy.TenancyConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The plans PERSCOM reports (table {@code tenant_plan}). Reads go to the database every time: the admin API is not
 * hot, and ingest and the delivery claims ask inside their own statements ({@link Plans#entitledSql}).
 */
@ApplicationScoped
public class TenantPlans {

    private static final Logger LOG = Logger.getLogger(TenantPlans.class);

    static final String FIND = "select plan, updated_at from tenant_plan where tenant_id = $1";
    static final String UPSERT = """
            insert into tenant_plan (tenant_id, plan, updated_at) values ($1, $2, now())
            on conflict (tenant_id) do update set plan = excluded.plan,
                updated_at = case when tenant_plan.plan = excluded.plan then tenant_plan.updated_at else now() end
            returning plan, updated_at
            """;

    private final Pool pool;
    private final String defaultPlan;

    public TenantPlans(Pool pool, TenancyConfig config) {
        this.pool = pool;
        this.defaultPlan = config.defaultPlan();
        if (!Plans.isKnown(defaultPlan)) {
            throw new IllegalStateException("webhooks.tenancy.default-plan must be one of " + Plans.ALL);
        }
    }

    /** Whether tenants PERSCOM has not reported have webhooks (the parameter of {@link Plans#entitledSql}). */
    public boolean defaultEntitled() {
        return Plans.isEntitled(defaultPlan);
    }

    public Uni<TenantPlanView> find(String tenantId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(tenantId)).map(rows -> rows.size() == 0
                ? new TenantPlanView(tenantId, defaultPlan, defaultEntitled(), false, null)
                : view(tenantId, rows.iterator().next()));
    }

    public Uni<TenantPlanView> report(String tenantId, String plan) {
        return pool.preparedQuery(UPSERT).execute(Tuple.of(tenantId, plan))
                .map(rows -> view(tenantId, rows.iterator().next()))
                .invoke(view -> LOG.infof("Tenant %s reported on plan %s (webhooks %s)", tenantId, plan,
                        view.entitled() ? "on" : "paused"));
    }

    /** Fails with 403 {@code plan-required} unless the tenant's plan includes webhooks. */
    public Uni<Void> requireEntitled(String tenantId) {
        return find(tenantId).invoke(view -> {
            if (!view.entitled()) {
                throw new ApiException(Problem.of(403, "plan-required", "Enterprise plan required",
                        "Webhooks and automations are part of PERSCOM's Enterprise plan; this organization is on "
                                + "plan '" + view.plan() + "'. Its webhooks, automations and logs are kept and "
                                + "delivery resumes after an upgrade."));
            }
        }).replaceWithVoid();
    }

    private static TenantPlanView view(String tenantId, Row row) {
        String plan = row.getString("plan");
        return new TenantPlanView(tenantId, plan, Plans.isEntitled(plan), true, row.getOffsetDateTime("updated_at"));
    }
}
