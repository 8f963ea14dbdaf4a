package io.perscom.webhooks.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.perscom.webhooks.automation.AutomationEvaluator.Evaluation;
import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.DeliveryDispatcher;
import io.perscom.webhooks.delivery.DeliveryJob;
import io.perscom.webhooks.delivery.DeliveryRows;
import io.perscom.webhooks.delivery.ReplicaIdentity;
import io.perscom.webhooks.delivery.RetryPolicy;
import io.perscom.webhooks.payload.PhpJson;
import io.perscom.webhooks.payload.WebhookPayload;
import io.perscom.webhooks.persistence.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs an event's automations in priority order (highest first, as PERSCOM's code does): evaluates each condition
 * and template off the event loop within its bounds, then stores the deliveries of those that fired, every
 * automation log and the removal of the event's automation job in one transaction, and dispatches the deliveries.
 * A delivery carries the event's envelope with the rendered template as its {@code data} (or the model itself when
 * the template is blank), as PERSCOM's WebhookService dispatches it. A failing automation only produces a failed
 * log; the event's plain deliveries were sent already.
 */
@ApplicationScoped
public class AutomationRunner {

    private static final Logger LOG = Logger.getLogger(AutomationRunner.class);

    static final String AUTOMATIONS = """
            select a.id, a.condition, a.webhook_payload_template, a.render_mode, a.webhook_id,
                w.enabled as webhook_enabled, (select e.payload from event e where e.id = $3) as envelope
            from automation a left join webhook w on w.id = a.webhook_id
            where a.tenant_id = $1 and a.trigger = $2 and a.enabled
            order by a.priority desc, a.created_at asc, a.id asc
            """;

    static final String INSERT_DELIVERY = """
            with d as (
                insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, payload, status,
                    attempts, max_attempts, next_attempt_at, lease_owner, lease_until, created_at, updated_at,
                    automation_id)
                values ($1, $2, $3, $4, $5, $1, $6, 'pending', 0, $7, now(), $8,
                    now() + $9::bigint * interval '1 millisecond', now(), now(), $10)
                returning *
            )
            select %s from d join webhook w on w.id = d.webhook_id
                cross join lateral (select d.payload, e.trace_id from event e where e.id = d.event_id) p
            """.formatted(DeliveryRows.JOB_COLUMNS);

    static final String INSERT_LOG = """
            insert into automation_log (id, tenant_id, automation_id, event_id, status, condition, condition_result,
                context, rendered_payload, error, error_kind, execution_ms, delivery_id, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, clock_timestamp())
            """;

    private record Automation(UUID id, String condition, JsonNode template, RenderMode mode, UUID webhookId,
            boolean webhookEnabled, String envelope) {
    }

    private record Outcome(Automation automation, Evaluation evaluation, UUID deliveryId) {
    }

    private final Pool pool;
    private final AutomationEvaluator evaluator;
    private final DeliveryDispatcher dispatcher;
    private final DeliveryRows rows;
    private final RetryPolicy retryPolicy;
    private final ObjectMapper mapper;
    private final String replica;
    private final long leaseMillis;

    public AutomationRunner(Pool pool, AutomationEvaluator evaluator, DeliveryDispatcher dispatcher,
            DeliveryRows rows, RetryPolicy retryPolicy, ObjectMapper mapper,
            ReplicaIdentity replica, DeliveryConfig deliveryConfig) {
        this.pool = pool;
        this.evaluator = evaluator;
        this.dispatcher = dispatcher;
        this.rows = rows;
        this.retryPolicy = retryPolicy;
        this.mapper = mapper;
        this.replica = replica.id();
        this.leaseMillis = deliveryConfig.lease().toMillis();
    }

    /** Runs work this replica leased at ingest; a failure leaves the job for the poller once the lease expires. */
    public void runLeased(AutomationWork work) {
        run(work).subscribe().with(done -> {
        }, error -> LOG.warnf("Automations of event %s not run yet (%s); retried when the lease expires",
                work.eventId(), error.getMessage()));
    }

    public Uni<Void> run(AutomationWork work) {
        return Uni.createFrom().item(() -> parse(work.context())).flatMap(context -> run(work, context));
    }

    private Uni<Void> run(AutomationWork work, JsonNode context) {
        return pool.preparedQuery(AUTOMATIONS).execute(Tuple.of(work.tenantId(), work.eventType(), work.eventId()))
                .map(result -> {
                    List<Automation> automations = new ArrayList<>();
                    result.forEach(row -> automations.add(automation(row)));
                    return automations;
                })
                .flatMap(automations -> evaluateAll(automations, context))
                .flatMap(outcomes -> pool.withTransaction(connection -> store(connection, work, outcomes)))
                .invoke(jobs -> {
                    if (!jobs.isEmpty()) {
                        dispatcher.submit(jobs);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<List<Outcome>> evaluateAll(List<Automation> automations, JsonNode context) {
        Uni<List<Outcome>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Automation automation : automations) {
            chain = chain.flatMap(outcomes -> evaluate(automation, context).map(outcome -> {
                outcomes.add(outcome);
                return outcomes;
            }));
        }
        return chain;
    }

    private Uni<Outcome> evaluate(Automation automation, JsonNode context) {
        if (automation.webhookId() == null) {
            return Uni.createFrom().item(new Outcome(automation,
                    Evaluation.failed("Automation webhook not found", "webhook"), null));
        }
        if (!automation.webhookEnabled()) {
            return Uni.createFrom().item(new Outcome(automation,
                    Evaluation.failed("the automation's webhook is disabled", "webhook"), null));
        }
        return evaluator.evaluateOffLoop(automation.condition(), automation.template(), automation.mode(), context)
                .map(evaluation -> new Outcome(automation, evaluation,
                        evaluation.status() == AutomationStatus.EXECUTED ? Ids.newId() : null));
    }

    private Uni<List<DeliveryJob>> store(SqlConnection connection, AutomationWork work, List<Outcome> outcomes) {
        Uni<List<DeliveryJob>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Outcome outcome : outcomes) {
            chain = chain.flatMap(jobs -> insertDelivery(connection, work, outcome)
                    .call(job -> insertLog(connection, work, outcome))
                    .map(job -> {
                        if (job != null) {
                            jobs.add(job);
                        }
                        return jobs;
                    }));
        }
        return chain.call(jobs -> connection.preparedQuery("delete from automation_job where event_id = $1")
                .execute(Tuple.of(work.eventId())));
    }

    private Uni<DeliveryJob> insertDelivery(SqlConnection connection, AutomationWork work, Outcome outcome) {
        if (outcome.deliveryId() == null) {
            return Uni.createFrom().nullItem();
        }
        Tuple params = Tuple.tuple(List.of(outcome.deliveryId(), work.tenantId(), work.eventId(),
                outcome.automation().webhookId(), work.eventType(), body(outcome),
                retryPolicy.maxAttempts(), replica, leaseMillis, outcome.automation().id()));
        return connection.preparedQuery(INSERT_DELIVERY).execute(params)
                .map(result -> rows.job(result.iterator().next()));
    }

    private Uni<Void> insertLog(SqlConnection connection, AutomationWork work, Outcome outcome) {
        Evaluation evaluation = outcome.evaluation();
        Tuple params = Tuple.tuple()
                .addUUID(Ids.newId()).addString(work.tenantId()).addUUID(outcome.automation().id())
                .addUUID(work.eventId()).addString(evaluation.status().column())
                .addString(outcome.automation().condition())
                .addBoolean(evaluation.conditionResult()).addString(work.context())
                .addString(evaluation.data() == null ? null : PhpJson.write(evaluation.data()))
                .addString(truncate(evaluation.error())).addString(evaluation.errorKind())
                .addInteger((int) evaluation.elapsedMs())
                .addUUID(outcome.deliveryId());
        return connection.preparedQuery(INSERT_LOG).execute(params).replaceWithVoid();
    }

    /** The event's own envelope when the template is blank (the model itself), else one carrying the rendering. */
    private String body(Outcome outcome) {
        JsonNode data = outcome.evaluation().data();
        String envelope = outcome.automation().envelope();
        return data == null ? envelope : WebhookPayload.render(WebhookPayload.withData(parse(envelope), data));
    }

    private Automation automation(Row row) {
        String template = row.getString("webhook_payload_template");
        return new Automation(row.getUUID("id"), row.getString("condition"),
                template == null ? null : parse(template), RenderMode.of(row.getString("render_mode")),
                row.getUUID("webhook_id"), Boolean.TRUE.equals(row.getBoolean("webhook_enabled")),
                row.getString("envelope"));
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON does not parse", e);
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
