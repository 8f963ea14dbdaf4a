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
import io.perscom.webhooks.delivery.dispatch.DeliveryDispatcher;
import io.perscom.webhooks.delivery.queue.AutomationJob;
import io.perscom.webhooks.delivery.queue.AutomationJobQueue;
import io.perscom.webhooks.delivery.queue.DeliveryJob;
import io.perscom.webhooks.delivery.queue.DeliveryQueue;
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
    private final DeliveryQueue queue;
    private final AutomationJobQueue jobs;
    private final DeliveryDispatcher dispatcher;
    private final ObjectMapper mapper;

    public AutomationRunner(Pool pool, AutomationEvaluator evaluator, DeliveryQueue queue, AutomationJobQueue jobs,
            DeliveryDispatcher dispatcher, ObjectMapper mapper) {
        this.pool = pool;
        this.evaluator = evaluator;
        this.queue = queue;
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.mapper = mapper;
    }

    /** Runs work this replica leased at ingest; a failure leaves the job for the poller once the lease expires. */
    public void runLeased(AutomationJob work) {
        run(work).subscribe().with(done -> {
        }, error -> LOG.warnf("Automations of event %s not run yet (%s); retried when the lease expires",
                work.eventId(), error.getMessage()));
    }

    public Uni<Void> run(AutomationJob work) {
        return Uni.createFrom().item(() -> parse(work.context())).flatMap(context -> run(work, context));
    }

    private Uni<Void> run(AutomationJob work, JsonNode context) {
        return pool.preparedQuery(AUTOMATIONS).execute(Tuple.of(work.tenantId(), work.eventType(), work.eventId()))
                .map(result -> {
                    List<Automation> automations = new ArrayList<>();
                    result.forEach(row -> automations.add(automation(row)));
                    return automations;
                })
                .flatMap(automations -> evaluateAll(automations, context))
                .flatMap(outcomes -> pool.withTransaction(connection -> store(connection, work, outcomes)))
                .invoke(stored -> {
                    if (!stored.isEmpty()) {
                        dispatcher.submit(stored);
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

    private Uni<List<DeliveryJob>> store(SqlConnection connection, AutomationJob work, List<Outcome> outcomes) {
        Uni<List<DeliveryJob>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Outcome outcome : outcomes) {
            chain = chain.flatMap(stored -> insertDelivery(connection, work, outcome)
                    .call(job -> insertLog(connection, work, outcome))
                    .map(job -> {
                        if (job != null) {
                            stored.add(job);
                        }
                        return stored;
                    }));
        }
        return chain.call(() -> jobs.remove(connection, work.eventId()));
    }

    private Uni<DeliveryJob> insertDelivery(SqlConnection connection, AutomationJob work, Outcome outcome) {
        if (outcome.deliveryId() == null) {
            return Uni.createFrom().nullItem();
        }
        return queue.enqueueAutomation(connection, outcome.deliveryId(), work, outcome.automation().webhookId(),
                body(outcome), outcome.automation().id());
    }

    private Uni<Void> insertLog(SqlConnection connection, AutomationJob work, Outcome outcome) {
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
