package io.perscom.webhooks.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.api.Problem;
import io.perscom.webhooks.api.Validation;
import io.perscom.webhooks.automation.AutomationContext;
import io.perscom.webhooks.automation.AutomationRunner;
import io.perscom.webhooks.delivery.dispatch.DeliveryDispatcher;
import io.perscom.webhooks.delivery.queue.DeliveryQueue;
import io.perscom.webhooks.delivery.queue.FanOut;
import io.perscom.webhooks.delivery.queue.NewEvent;
import io.perscom.webhooks.observability.DeliveryMetrics;
import io.perscom.webhooks.payload.ChangeSet;
import io.perscom.webhooks.payload.WebhookPayload;
import io.perscom.webhooks.persistence.Ids;
import io.perscom.webhooks.persistence.Timestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Accepts events: has the queue store each event and one delivery per subscribed, enabled webhook of its tenant in a
 * single transaction (the outbox), answers only after the commit, then hands the new deliveries straight to the
 * dispatcher, so the happy path waits for no poll.
 */
@ApplicationScoped
public class IngestService {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);
    private static final long DATABASE_RETRY_SECONDS = 5;

    /** An event's answer, and what its fan-out stored. */
    private record Accepted(IngestResult result, FanOut fanOut) {
    }

    private final Pool pool;
    private final DeliveryQueue queue;
    private final DeliveryDispatcher dispatcher;
    private final DeliveryMetrics metrics;
    private final AutomationRunner automationRunner;
    private final IngestGate gate;

    public IngestService(Pool pool, DeliveryQueue queue, DeliveryDispatcher dispatcher, DeliveryMetrics metrics,
            AutomationRunner automationRunner, IngestGate gate) {
        this.pool = pool;
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.automationRunner = automationRunner;
        this.gate = gate;
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
        return gate.admit(events).flatMap(admitted -> store(events))
                // Fail fast while the database is away: nothing was acknowledged, PERSCOM retries (idempotent on id).
                .ifNoItem().after(STORE_TIMEOUT).failWith(() -> ApiException.unavailable(
                        "Storing the event took too long; retry later.", DATABASE_RETRY_SECONDS))
                .onFailure(error -> !(error instanceof ApiException)).transform(error -> ApiException.unavailable(
                        "The event could not be stored (" + error.getClass().getSimpleName() + "); retry later.",
                        DATABASE_RETRY_SECONDS));
    }

    private Uni<List<IngestResult>> store(List<IngestEvent> events) {
        boolean dispatchHere = dispatcher.capacity() > 0;
        return pool.withTransaction(connection -> insertAll(connection, events, dispatchHere)).map(accepted -> {
            var jobs = accepted.stream().flatMap(a -> a.fanOut().jobs().stream()).toList();
            if (dispatchHere && !jobs.isEmpty()) {
                dispatcher.submit(jobs);
            }
            if (dispatchHere) {
                accepted.stream().map(a -> a.fanOut().automationJob()).filter(Objects::nonNull)
                        .forEach(automationRunner::runLeased);
            }
            for (int i = 0; i < events.size(); i++) {
                FanOut fanOut = accepted.get(i).fanOut();
                if (!fanOut.duplicate()) {
                    metrics.eventIngested(events.get(i).tenantId(), events.get(i).event());
                }
                if (fanOut.notEntitledPlan() != null) {
                    metrics.eventNotEntitled(events.get(i).tenantId(), fanOut.notEntitledPlan());
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
        NewEvent stored = new NewEvent(id, event.tenantId(), event.event(), payload, event.traceId(),
                event.requestId(), context);
        return queue.fanOut(connection, stored, dispatchHere).map(fanOut -> accepted(stored, fanOut));
    }

    private static Accepted accepted(NewEvent event, FanOut fanOut) {
        if (fanOut.duplicate() && !event.tenantId().equals(fanOut.tenantId())) {
            throw new ApiException(Problem.of(409, "event-id-conflict", "Event id already used",
                    "Another tenant's event already has id " + event.id() + "."));
        }
        return new Accepted(new IngestResult(event.id(), fanOut.deliveries(), fanOut.duplicate()), fanOut);
    }
}
