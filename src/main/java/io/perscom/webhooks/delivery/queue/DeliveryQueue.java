package io.perscom.webhooks.delivery.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.persistence.Ids;
import io.perscom.webhooks.tenancy.plan.Plans;
import io.perscom.webhooks.tenancy.plan.TenantPlans;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The delivery queue: every statement on the {@code delivery} table, and the event rows the fan-out writes with it.
 * A delivery is enqueued either leased to this replica (it is dispatched from memory at once) or free for any
 * replica's poller; a claim, a renewal or a release changes only the lease; settling an attempt's outcome ends it.
 * Statements that return work select the job's columns ({@link DeliveryRows}) and come back as {@link DeliveryJob}s.
 * Deliveries of tenants whose plan lacks webhooks are neither created nor claimed ({@link Plans#entitledSql}).
 */
@ApplicationScoped
public class DeliveryQueue {

    /** The jobs of the deliveries in CTE {@code d}, with their webhook and their message (own payload or event's). */
    private static final String JOBS_OF_D = """
            select %s from d join webhook w on w.id = d.webhook_id
                cross join lateral (select coalesce(d.payload, e.payload) as payload, e.trace_id from event e
                                    where e.id = d.event_id) p
            """.formatted(DeliveryRows.JOB_COLUMNS);

    /**
     * Event, deliveries and automation job in one statement (the outbox). When the event id exists already, nothing
     * is inserted and no row returns. $6/$7 (owner and lease length) are null when the work is not leased here. The
     * payload column comes back null: the jobs take the text the caller rendered (not one copy per delivery row).
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
                    %s, now(), now()
                from ev join ent on ent.entitled
                    join webhook w on w.tenant_id = ev.tenant_id and w.enabled
                    and w.events @> array[ev.type]::text[]
                returning *
            ), aj as (
                insert into automation_job (event_id, tenant_id, event_type, context, lease_owner, lease_until,
                    created_at)
                select ev.id, ev.tenant_id, ev.type, $9, $6, %s, now()
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
            """.formatted(Plans.entitledSql("$2", "$11"), ReplicaLease.untilSql("$7"), ReplicaLease.untilSql("$7"),
            DeliveryRows.JOB_COLUMNS);

    /** The tenant of an event seen before, and how many deliveries its fan-out made. */
    static final String FANNED_OUT_BEFORE = """
            select e.tenant_id, (select count(*) from delivery d where d.event_id = e.id and d.message_id = e.id) as n
            from event e where e.id = $1
            """;

    /** A test event and its single-attempt delivery to the tenant's webhook (enabled or not), leased here. */
    static final String TEST_EVENT = """
            with w as (
                select * from webhook where id = $1 and tenant_id = $2
            ), ev as (
                insert into event (id, tenant_id, type, payload, accepted_at)
                select $3, w.tenant_id, $4, $5, now() from w
                returning id, tenant_id, type, payload, trace_id
            ), d as (
                insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, status, attempts,
                    max_attempts, next_attempt_at, lease_owner, lease_until, created_at, updated_at)
                select uuid_generate_v7(), ev.tenant_id, ev.id, $1, ev.type, ev.id, 'pending', 0, 1, now(), $6,
                    %s, now(), now()
                from ev
                returning *
            )
            select %s from d join w on true cross join ev p
            """.formatted(ReplicaLease.untilSql("$7"), DeliveryRows.JOB_COLUMNS);

    /** A new delivery of the same message (same event, message id and body) as the logged attempt's, leased here. */
    static final String REDELIVER = """
            with old as (
                select d.* from delivery_attempt a join delivery d on d.id = a.delivery_id
                where a.id = $1 and a.webhook_id = $2 and a.tenant_id = $3
            ), d as (
                insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, payload, status,
                    attempts, max_attempts, next_attempt_at, lease_owner, lease_until, created_at, updated_at)
                select uuid_generate_v7(), old.tenant_id, old.event_id, old.webhook_id, old.event_type,
                    old.message_id, old.payload, 'pending', 0, $4, now(), $5, %s, now(), now()
                from old
                returning *
            )
            """.formatted(ReplicaLease.untilSql("$6")) + JOBS_OF_D;

    /** An automation's delivery: the event's envelope around the rendering, its own message id, leased here. */
    static final String AUTOMATION_DELIVERY = """
            with d as (
                insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, payload, status,
                    attempts, max_attempts, next_attempt_at, lease_owner, lease_until, created_at, updated_at,
                    automation_id)
                values ($1, $2, $3, $4, $5, $1, $6, 'pending', 0, $7, now(), $8, %s, now(), now(), $10)
                returning *
            )
            """.formatted(ReplicaLease.untilSql("$9")) + JOBS_OF_D;

    /** Due retries and deliveries whose lease expired (their replica died), oldest first, leased here. */
    static final String CLAIM = """
            with due as (
                select id from delivery
                where status = 'pending' and next_attempt_at <= now()
                  and (lease_until is null or lease_until < now())
                  and %s
                order by next_attempt_at
                limit $1
                for update skip locked
            ), d as (
                update delivery set lease_owner = $2, lease_until = %s, updated_at = now()
                from due where delivery.id = due.id
                returning delivery.*
            )
            """.formatted(Plans.entitledSql("delivery.tenant_id", "$4"), ReplicaLease.untilSql("$3")) + JOBS_OF_D;

    // Rows a settle batch is writing right now are skipped (that batch ends the lease anyway): renewal never waits
    // on, or deadlocks with, the recorder.
    static final String RENEW = """
            update delivery set lease_until = %s
            where id in (select id from delivery where id = any($1) and lease_owner = $2 and status = 'pending'
                         order by id for update skip locked)
            """.formatted(ReplicaLease.untilSql("$3"));

    static final String RELEASE = """
            update delivery set lease_owner = null, lease_until = null
            where id = any($1) and lease_owner = $2 and status = 'pending'
            """;

    static final String SETTLE = """
            update delivery d set status = u.status, attempts = u.attempts,
                next_attempt_at = coalesce(u.next_at, d.next_attempt_at),
                lease_owner = null, lease_until = null, updated_at = u.at
            from unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[])
                as u(id, status, attempts, next_at, at)
            where d.id = u.id
            """;

    static final String DEPTH = """
            select count(*) as due,
                   coalesce(extract(epoch from now() - min(next_attempt_at)), 0)::bigint as oldest
            from delivery where status = 'pending' and next_attempt_at <= now()
            """;

    static final String PRUNE_FINISHED = """
            delete from delivery where id in (
                select id from delivery where status <> 'pending' and updated_at < $1 limit $2)
            """;

    static final String PRUNE_EVENTS = """
            delete from event where id in (
                select e.id from event e where e.accepted_at < $1
                  and not exists (select 1 from delivery d where d.event_id = e.id)
                  and not exists (select 1 from automation_job j where j.event_id = e.id) limit $2)
            """;

    static final String STATUSES = "select id, status from delivery where id = any($1)";

    static final String STATE = """
            select d.status, coalesce(d.payload, e.payload) as payload
            from delivery d join event e on e.id = d.event_id where d.id = $1
            """;

    /** The deliveries to a tenant's webhook of the events with the given PERSCOM ids (the event's indexes first). */
    static final String OF_EVENTS = """
            select d.id from event e join delivery d on d.event_id = e.id
            where e.tenant_id = $1 and d.webhook_id = $2
            """;

    /** How long a count of due deliveries may take before the last one known is used instead. */
    private static final Duration DEPTH_TIMEOUT = Duration.ofSeconds(2);

    private final Pool pool;
    private final DeliveryRows rows;
    private final ReplicaLease lease;
    private final int maxAttempts;
    private final boolean defaultEntitled;
    private final Uni<QueueDepth> depth;
    private volatile QueueDepth lastDepth = QueueDepth.EMPTY;

    public DeliveryQueue(Pool pool, DeliveryRows rows, ReplicaLease lease, DeliveryConfig config, TenantPlans plans) {
        this.pool = pool;
        this.rows = rows;
        this.lease = lease;
        this.maxAttempts = config.maxAttempts();
        this.defaultEntitled = plans.defaultEntitled();
        this.depth = Uni.createFrom().deferred(this::readDepth).memoize().atLeast(config.dueCountMaxAge());
    }

    /**
     * Stores {@code event} and one delivery per enabled webhook of its tenant subscribed to its type, and its
     * automation job when the tenant has automations for the type, in one statement on {@code client} (the caller's
     * transaction). {@code leaseHere}: the deliveries and the job are leased to this replica, to be run from memory
     * after the commit.
     */
    public Uni<FanOut> fanOut(SqlClient client, NewEvent event, boolean leaseHere) {
        Tuple params = Tuple.tuple(List.of(event.id(), event.tenantId(), event.type(), event.payload(), maxAttempts))
                .addValue(leaseHere ? lease.owner() : null)
                .addValue(leaseHere ? lease.millis() : null)
                .addValue(event.traceId())
                .addValue(event.automationContext())
                .addValue(event.requestId())
                .addValue(defaultEntitled);
        return client.preparedQuery(FAN_OUT).execute(params).flatMap(result -> result.size() == 0
                ? fannedOutBefore(client, event.id())
                : Uni.createFrom().item(fanOut(event, result)));
    }

    private FanOut fanOut(NewEvent event, RowSet<Row> result) {
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
                jobs.add(rows.job(row, event.payload()));
            }
        }
        AutomationJob automationJob = automations ? new AutomationJob(event.id(), event.tenantId(), event.type(),
                event.automationContext(), 0) : null;
        return new FanOut(event.tenantId(), jobs.size(), false, jobs, automationJob, notEntitledPlan);
    }

    private Uni<FanOut> fannedOutBefore(SqlClient client, UUID eventId) {
        return client.preparedQuery(FANNED_OUT_BEFORE).execute(Tuple.of(eventId)).map(result -> {
            Row row = result.iterator().next();
            return FanOut.duplicate(row.getString("tenant_id"), row.getLong("n").intValue());
        });
    }

    /**
     * Stores a {@code webhook.test} event with {@code payload} and its single-attempt delivery to the tenant's webhook,
     * leased here; null when the tenant has no such webhook.
     */
    public Uni<DeliveryJob> enqueueTest(String tenantId, UUID webhookId, String type, String payload) {
        Tuple params = Tuple.tuple(List.of(webhookId, tenantId, Ids.newId(), type, payload, lease.owner(),
                lease.millis()));
        return pool.preparedQuery(TEST_EVENT).execute(params).map(this::singleJob);
    }

    /** Queues a new delivery of the logged attempt's message, leased here; null when the tenant has no such log. */
    public Uni<DeliveryJob> redeliver(String tenantId, UUID webhookId, UUID attemptId) {
        Tuple params = Tuple.tuple(List.of(attemptId, webhookId, tenantId, maxAttempts, lease.owner(),
                lease.millis()));
        return pool.preparedQuery(REDELIVER).execute(params).map(this::singleJob);
    }

    /** Stores an automation's delivery of {@code payload} to {@code webhookId} on {@code client}, leased here. */
    public Uni<DeliveryJob> enqueueAutomation(SqlClient client, UUID deliveryId, AutomationJob job, UUID webhookId,
            String payload, UUID automationId) {
        Tuple params = Tuple.tuple(List.of(deliveryId, job.tenantId(), job.eventId(), webhookId, job.eventType(),
                payload, maxAttempts, lease.owner(), lease.millis(), automationId));
        return client.preparedQuery(AUTOMATION_DELIVERY).execute(params).map(this::singleJob);
    }

    /**
     * Leases up to {@code limit} due deliveries to this replica ({@code FOR UPDATE SKIP LOCKED}: replicas never take
     * the same one), oldest due first.
     */
    public Uni<List<DeliveryJob>> claimDue(int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, lease.owner(), lease.millis(), defaultEntitled))
                .map(result -> {
                    List<DeliveryJob> jobs = new ArrayList<>(result.size());
                    result.forEach(row -> jobs.add(rows.job(row)));
                    return jobs;
                });
    }

    /** Extends this replica's leases of {@code ids}; answers the time every one of them is now leased until. */
    public Uni<Instant> renew(List<UUID> ids) {
        Instant until = Instant.now().plus(lease.length());
        return pool.preparedQuery(RENEW).execute(Tuple.of(ids.toArray(UUID[]::new), lease.owner(), lease.millis()))
                .replaceWith(until);
    }

    /** Hands this replica's pending deliveries {@code ids} back to the queue, claimable by any replica at once. */
    public Uni<Void> release(List<UUID> ids) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(ids.toArray(UUID[]::new), lease.owner()))
                .replaceWithVoid();
    }

    /**
     * Writes the outcomes of attempts (completed, failed for good, or due again) on {@code client}, in one statement,
     * ending their leases: the caller's transaction commits them with its attempt log rows.
     */
    public Uni<Void> settle(SqlClient client, List<Settlement> settlements) {
        int n = settlements.size();
        UUID[] id = new UUID[n];
        String[] status = new String[n];
        Integer[] attempts = new Integer[n];
        OffsetDateTime[] next = new OffsetDateTime[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Settlement s = settlements.get(i);
            id[i] = s.deliveryId();
            status[i] = s.status().column();
            attempts[i] = s.attemptsUsed();
            next[i] = utc(s.nextAttemptAt());
            at[i] = utc(s.at());
        }
        return client.preparedQuery(SETTLE).execute(Tuple.tuple(List.of(id, status, attempts, next, at)))
                .replaceWithVoid();
    }

    /**
     * How many deliveries are due, read from the database at most every {@code webhooks.delivery.due-count-max-age}
     * (concurrent callers share one read). When the database does not answer in time, the last depth known.
     */
    public Uni<QueueDepth> depth() {
        Context caller = Vertx.currentContext();
        // A read shared with a caller on another event loop completes there: continue on this caller's context.
        return caller == null ? depth : depth.emitOn(onContext(caller));
    }

    /** The depth last read, without waiting (for gauges). */
    public QueueDepth lastDepth() {
        return lastDepth;
    }

    /** Deletes up to {@code limit} finished deliveries last changed before {@code cutoff}; answers how many. */
    public Uni<Integer> pruneFinished(OffsetDateTime cutoff, int limit) {
        return pool.preparedQuery(PRUNE_FINISHED).execute(Tuple.of(cutoff, limit)).map(RowSet::rowCount);
    }

    /** Deletes up to {@code limit} events accepted before {@code cutoff} that no delivery or job needs any more. */
    public Uni<Integer> pruneEvents(OffsetDateTime cutoff, int limit) {
        return pool.preparedQuery(PRUNE_EVENTS).execute(Tuple.of(cutoff, limit)).map(RowSet::rowCount);
    }

    /** The status of each of {@code ids} that exists. */
    public Uni<Map<UUID, DeliveryStatus>> statuses(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(STATUSES).execute(Tuple.of(ids.toArray(UUID[]::new))).map(result -> {
            Map<UUID, DeliveryStatus> statuses = new HashMap<>();
            result.forEach(row -> statuses.put(row.getUUID("id"), DeliveryStatus.of(row.getString("status"))));
            return statuses;
        });
    }

    /** The delivery's status and the message it sends (its own payload, else its event's); null when none. */
    public Uni<DeliveryState> state(UUID deliveryId) {
        return pool.preparedQuery(STATE).execute(Tuple.of(deliveryId)).map(result -> {
            if (result.size() == 0) {
                return null;
            }
            Row row = result.iterator().next();
            return new DeliveryState(DeliveryStatus.of(row.getString("status")), row.getString("payload"));
        });
    }

    /**
     * The deliveries to a tenant's webhook of the events PERSCOM gave {@code requestId} and {@code traceId} (each
     * ignored when null).
     */
    public Uni<List<UUID>> deliveriesOfEvents(String tenantId, UUID webhookId, String requestId, String traceId) {
        StringBuilder sql = new StringBuilder(OF_EVENTS);
        Tuple params = Tuple.of(tenantId, webhookId);
        if (requestId != null) {
            params.addString(requestId);
            sql.append(" and e.request_id = $").append(params.size());
        }
        if (traceId != null) {
            params.addString(traceId);
            sql.append(" and e.trace_id = $").append(params.size());
        }
        return pool.preparedQuery(sql.toString()).execute(params).map(result -> {
            List<UUID> ids = new ArrayList<>(result.size());
            result.forEach(row -> ids.add(row.getUUID("id")));
            return ids;
        });
    }

    private Uni<QueueDepth> readDepth() {
        return pool.query(DEPTH).execute()
                .map(result -> {
                    Row row = result.iterator().next();
                    return new QueueDepth(row.getLong("due"), row.getLong("oldest"));
                })
                .invoke(read -> lastDepth = read)
                .ifNoItem().after(DEPTH_TIMEOUT).recoverWithItem(() -> lastDepth)
                .onFailure().recoverWithItem(() -> lastDepth);
    }

    private DeliveryJob singleJob(RowSet<Row> result) {
        return result.size() == 0 ? null : rows.job(result.iterator().next());
    }

    private static Executor onContext(Context context) {
        return command -> context.runOnContext(ignored -> command.run());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
