package io.perscom.webhooks.delivery.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.tenancy.plan.Plans;
import io.perscom.webhooks.tenancy.plan.TenantPlans;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The automation job queue ({@code automation_job}): one job per accepted event whose automations are still to run.
 * The fan-out stores it ({@link DeliveryQueue#fanOut}), leased to the accepting replica when that one runs it at once;
 * a job no live replica holds is claimed here; running its automations, or giving it up, removes it.
 */
@ApplicationScoped
public class AutomationJobQueue {

    static final String CLAIM = """
            update automation_job set lease_owner = $1, lease_until = %s, attempts = attempts + 1
            where event_id in (
                select event_id from automation_job
                where (lease_until is null or lease_until < now())
                  and %s
                order by created_at limit $4
                for update skip locked)
            returning event_id, tenant_id, event_type, context, attempts
            """.formatted(ReplicaLease.untilSql("$2"), Plans.entitledSql("automation_job.tenant_id", "$3"));

    static final String REMOVE = "delete from automation_job where event_id = $1";

    private final Pool pool;
    private final ReplicaLease lease;
    private final boolean defaultEntitled;

    public AutomationJobQueue(Pool pool, ReplicaLease lease, TenantPlans plans) {
        this.pool = pool;
        this.lease = lease;
        this.defaultEntitled = plans.defaultEntitled();
    }

    /** Leases up to {@code limit} jobs no live replica holds, oldest first; each claim counts as an attempt. */
    public Uni<List<AutomationJob>> claim(int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(lease.owner(), lease.millis(), defaultEntitled, limit))
                .map(rows -> {
                    List<AutomationJob> jobs = new ArrayList<>(rows.size());
                    rows.forEach(row -> jobs.add(new AutomationJob(row.getUUID("event_id"), row.getString("tenant_id"),
                            row.getString("event_type"), row.getString("context"), row.getInteger("attempts"))));
                    return jobs;
                });
    }

    /** Removes the event's job on {@code client} (the transaction that stores its outcome); answers whether it was there. */
    public Uni<Boolean> remove(SqlClient client, UUID eventId) {
        return client.preparedQuery(REMOVE).execute(Tuple.of(eventId)).map(result -> result.rowCount() > 0);
    }
}
