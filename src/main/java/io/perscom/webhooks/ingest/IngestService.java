package io.perscom.webhooks.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.api.Problem;
import io.perscom.webhooks.api.Validation;
import io.perscom.webhooks.delivery.DeliveryDispatcher;
import io.perscom.webhooks.delivery.DeliveryJob;
import io.perscom.webhooks.delivery.DeliveryRows;
import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.ReplicaIdentity;
import io.perscom.webhooks.delivery.RetryPolicy;
import io.perscom.webhooks.payload.WebhookPayload;
import io.perscom.webhooks.automation.AutomationContext;
import io.perscom.webhooks.automation.AutomationRunner;
import io.perscom.webhooks.automation.AutomationWork;
import io.perscom.webhooks.observability.DeliveryMetrics;
import io.perscom.webhooks.payload.ChangeSet;
import io.perscom.webhooks.persistence.Ids;
import io.perscom.webhooks.persistence.Timestamps;
import io.perscom.webhooks.tenancy.plan.Plans;
import io.perscom.webhooks.tenancy.plan.TenantPlans;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Accepts events: stores each event and one delivery per subscribed, enabled webhook of its tenant in a single
 * transaction (the outbox), answers only after the commit, then hands the new deliveries straight to the dispatcher,
 * so the happy path waits for no poll.
 */
@ApplicationScoped
public class IngestService {

    /**
     * Event and fan-out in one statement. When the event id exists already, nothing is inserted and no row returns.
     * When this replica has room, the deliveries are leased to it and dispatched from memory. The payload column
     * comes back null: the jobs take the text rendered here (not one copy per delivery row over the wire).
     */
    static final String FAN_OUT = """
            with ent as (
                select %s as entitled, (select plan from tenant_plan where tenant_id = $2) as plan
            ), ev as (
                insert into event (id, tenant_id, type, payload, trace_id, request_id, accepted_at)
                values ($1, $2, $3, $4, $8, $10, now())
                on conflict (id) do nothing
                returning id, tenant_id, type, payload, trace_id
            ), d as (
                insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, status, attempts,
                    max_attempts, next_attempt_at, lease_owner, lease_until, created_at, updated_at)
                select uuid_generate_v7(), ev.tenant_id, ev.id, w.id, ev.type, ev.id, 'pending', 0, $5, now(), $6,
                    now() + $7::bigint * interval '1 millisecond', now(), now()
                from ev join ent on ent.entitled
                    join webhook w on w.tenant_id = ev.tenant_id and w.enabled
                    and w.events @> array[ev.type]::text[]
                returning *
            ), aj as (
                insert into automation_job (event_id, tenant_id, event_type, context, lease_owner, lease_until,
                    created_at)
                select ev.id, ev.tenant_id, ev.type, $9, $6, now() + $7::bigint * interval '1 millisecond', now()
                from ev join ent on ent.entitled
                where $9::text is not null and exists (select 1 from automation a
                    where a.tenant_id = ev.tenant_id and a.trigger = ev.type and a.enabled)
                returning event_id
            )
            select ev.id as accepted_id, ent.entitled, ent.plan as reported_plan,
                (select count(*) from aj) as automation_jobs, %s
            from ev cross join ent left join d on true
                left join webhook w on w.id = d.webhook_id
                cross join lateral (select null::text as payload, ev.trace_id) p
            """.formatted(Plans.entitledSql("$2", "$11"), DeliveryRows.JOB_COLUMNS);

    static final String EXISTING = """
            select e.tenant_id, (select count(*) from delivery d where d.event_id = e.id and d.message_id = e.id) as n
            from event e where e.id = $1
            """;

    private static final java.time.Duration STORE_TIMEOUT = java.time.Duration.ofSeconds(10);
    private static final long DATABASE_RETRY_SECONDS = 5;

    /** {@code notEntitledPlan}: the plan that kept a new event from creating work ("not_reported" when the default). */
    private record Accepted(IngestResult result, List<DeliveryJob> jobs, AutomationWork automations,
            String notEntitledPlan) {
    }

    private final Pool pool;
    private final DeliveryDispatcher dispatcher;
    private final DeliveryRows rows;
    private final RetryPolicy retryPolicy;
    private final String replica;
    private final long leaseMillis;
    private final DeliveryMetrics metrics;
    private final AutomationRunner automationRunner;
    private final IngestGate gate;
    private final boolean defaultEntitled;

    public IngestService(Pool pool, DeliveryDispatcher dispatcher, DeliveryRows rows, RetryPolicy retryPolicy,
            ReplicaIdentity replica, DeliveryConfig config, DeliveryMetrics metrics,
            AutomationRunner automationRunner, IngestGate gate, TenantPlans plans) {
        this.pool = pool;
        this.dispatcher = dispatcher;
        this.rows = rows;
        this.retryPolicy = retryPolicy;
        this.replica = replica.id();
        this.leaseMillis = config.lease().toMillis();
        this.metrics = metrics;
        this.automationRunner = automationRunner;
        this.gate = gate;
        this.defaultEntitled = plans.defaultEntitled();
    }

    public Uni<IngestResult> accept(IngestEvent event) {
        Validation validation = new Validation();
        IngestValidator.check(event, "", validation);
        validation.throwIfInvalid();
        return acceptAll(List.of(event)).map(results -> results.get(0));
    }

    public Uni<List<IngestResult>> acceptBatch(List<IngestEvent> events) {
        Validation validation = new Validation();
        for (int i = 0; i < events.size(); i++) {
            IngestValidator.check(events.get(i), "[" + i + "].", validation);
        }
        validation.throwIfInvalid();
        return acceptAll(events);
    }

    private Uni<List<IngestResult>> acceptAll(List<IngestEvent> events) {
        gate.admit(events);
        boolean dispatchHere = dispatcher.capacity() > 0;
        return pool.withTransaction(connection -> insertAll(connection, events, dispatchHere))
                // Fail fast while the database is away: nothing was acknowledged, PERSCOM retries (idempotent on id).
                .ifNoItem().after(STORE_TIMEOUT).failWith(() -> ApiException.unavailable(
                        "Storing the event took too long; retry later.", DATABASE_RETRY_SECONDS))
                .onFailure(error -> !(error instanceof ApiException)).transform(error -> ApiException.unavailable(
                        "The event could not be stored (" + error.getClass().getSimpleName() + "); retry later.",
                        DATABASE_RETRY_SECONDS))
                .map(accepted -> {
                    List<DeliveryJob> jobs = new ArrayList<>();
                    accepted.forEach(a -> jobs.addAll(a.jobs()));
                    if (dispatchHere && !jobs.isEmpty()) {
                        dispatcher.submit(jobs);
                    }
                    if (dispatchHere) {
                        accepted.stream().map(Accepted::automations).filter(java.util.Objects::nonNull)
                                .forEach(automationRunner::runLeased);
                    }
                    for (int i = 0; i < events.size(); i++) {
                        if (!accepted.get(i).result().duplicate()) {
                            metrics.eventIngested(events.get(i).tenantId(), events.get(i).event());
                        }
                        if (accepted.get(i).notEntitledPlan() != null) {
                            metrics.eventNotEntitled(events.get(i).tenantId(), accepted.get(i).notEntitledPlan());
                        }
                    }
                    return accepted.stream().map(Accepted::result).toList();
                });
    }

    private Uni<List<Accepted>> insertAll(SqlConnection connection, List<IngestEvent> events, boolean dispatchHere) {
        Uni<List<Accepted>> chain = Uni.createFrom().item(new ArrayList<>());
        for (IngestEvent event : events) {
            chain = chain.flatMap(done -> insert(connection, event, dispatchHere).map(accepted -> {
                done.add(accepted);
                return done;
            }));
        }
        return chain;
    }

    private Uni<Accepted> insert(SqlConnection connection, IngestEvent event, boolean dispatchHere) {
        UUID id = event.id() != null ? event.id() : Ids.newId();
        Instant created = event.occurredAt() != null ? event.occurredAt() : Timestamps.now();
        String payload = WebhookPayload.render(WebhookPayload.build(event.event(), created, event.requestId(),
                event.traceId(), event.data(), ChangeSet.payloadForm(event.changes())));
        String context = event.causedByAutomation() != null ? null
                : AutomationContext.of(event.event(), event.data(), event.changes(), event.causer(), created)
                        .toString();
        Tuple params = Tuple.tuple(List.of(id, event.tenantId(), event.event(), payload, retryPolicy.maxAttempts()))
                .addValue(dispatchHere ? replica : null)
                .addValue(dispatchHere ? leaseMillis : null)
                .addValue(event.traceId())
                .addValue(context)
                .addValue(event.requestId())
                .addValue(defaultEntitled);
        return connection.preparedQuery(FAN_OUT).execute(params).flatMap(result -> result.size() == 0
                ? duplicate(connection, id, event.tenantId())
                : Uni.createFrom().item(accepted(id, event, payload, context, result)));
    }

    private Accepted accepted(UUID id, IngestEvent event, String payload, String context, RowSet<Row> result) {
        List<DeliveryJob> jobs = new ArrayList<>();
        boolean automations = false;
        String notEntitledPlan = null;
        for (Row row : result) {
            automations = row.getLong("automation_jobs") > 0;
            if (!row.getBoolean("entitled")) {
                String plan = row.getString("reported_plan");
                notEntitledPlan = plan == null ? "not_reported" : plan;
            }
            if (row.getUUID("id") != null) {
                jobs.add(rows.job(row, payload));
            }
        }
        AutomationWork work = automations ? new AutomationWork(id, event.tenantId(), event.event(), context) : null;
        return new Accepted(new IngestResult(id, jobs.size(), false), jobs, work, notEntitledPlan);
    }

    private Uni<Accepted> duplicate(SqlConnection connection, UUID id, String tenantId) {
        return connection.preparedQuery(EXISTING).execute(Tuple.of(id)).map(result -> {
            Row row = result.iterator().next();
            if (!tenantId.equals(row.getString("tenant_id"))) {
                throw new ApiException(Problem.of(409, "event-id-conflict", "Event id already used",
                        "Another tenant's event already has id " + id + "."));
            }
            return new Accepted(new IngestResult(id, row.getLong("n").intValue(), true), List.of(), null, null);
        });
    }
}
