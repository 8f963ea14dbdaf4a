package io.perscom.webhooks.delivery.dispatch;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.http.AttemptResult;
import io.perscom.webhooks.delivery.http.DeliverySender;
import io.perscom.webhooks.delivery.http.ErrorKind;
import io.perscom.webhooks.delivery.queue.DeliveryJob;
import io.perscom.webhooks.delivery.record.AttemptMetrics;
import io.perscom.webhooks.delivery.record.AttemptOutcome;
import io.perscom.webhooks.delivery.record.AttemptRecord;
import io.perscom.webhooks.delivery.record.AttemptRecorder;
import io.perscom.webhooks.observability.DeliveryMetrics;
import io.perscom.webhooks.persistence.Ids;
import io.perscom.webhooks.persistence.Timestamps;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import io.smallrye.mutiny.Uni;

/** Runs one attempt of one delivery: send it through the endpoint's circuit, decide what comes next, record it. */
@ApplicationScoped
public class DeliveryProcessor {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DeliveryProcessor.class);

    private final DeliverySender sender;
    private final EndpointCircuits circuits;
    private final RetryPolicy retryPolicy;
    private final AttemptRecorder recorder;
    private final Duration circuitDelay;
    private final DeliveryMetrics metrics;
    private final AttemptMetrics attemptMetrics;

    public DeliveryProcessor(DeliverySender sender, EndpointCircuits circuits, RetryPolicy retryPolicy,
            AttemptRecorder recorder, DeliveryConfig config, DeliveryMetrics metrics, AttemptMetrics attemptMetrics) {
        this.sender = sender;
        this.circuits = circuits;
        this.retryPolicy = retryPolicy;
        this.recorder = recorder;
        this.circuitDelay = config.circuitBreaker().delay();
        this.metrics = metrics;
        this.attemptMetrics = attemptMetrics;
    }

    /** A queued attempt: through the circuit breaker, retried on failure while attempts remain. */
    public Uni<AttemptRecord> process(DeliveryJob job) {
        if (!job.webhookEnabled()) {
            return record(job, AttemptResult.error(job.url(), java.util.Map.of(), 0, ErrorKind.ENDPOINT_DISABLED,
                    "The webhook was disabled before this delivery was sent"), AttemptOutcome.FAILED, null);
        }
        return circuits.guard(job.webhookId(), () -> Uni.createFrom().deferred(() -> sender.send(job)))
                .flatMap(result -> record(job, result, outcomeOf(job, result), nextAttempt(job, result)))
                .onFailure(CircuitBreakerOpenException.class).recoverWithUni(open -> record(job,
                        AttemptResult.error(job.url(), java.util.Map.of(), 0, ErrorKind.CIRCUIT_OPEN,
                                "Circuit open after repeated failures; delivery deferred, not dropped"),
                        AttemptOutcome.DEFERRED, Timestamps.now().plus(circuitDelay)))
                .onFailure(error -> !(error instanceof CircuitBreakerOpenException)).recoverWithUni(error ->
                        internalFailure(job, error));
    }

    /** A one-off attempt (the admin's test event): no circuit breaker, no retries. */
    public Uni<AttemptRecord> processOnce(DeliveryJob job) {
        return sender.send(job).flatMap(result -> record(job, result,
                result.succeeded() ? AttemptOutcome.SUCCEEDED : AttemptOutcome.FAILED, null));
    }

    /** An unexpected error is an attempt like any failure: logged, counted, retried while attempts remain. */
    private Uni<AttemptRecord> internalFailure(DeliveryJob job, Throwable error) {
        LOG.errorf(error, "Delivery %s attempt %d failed inside the service", job.deliveryId(), job.attempt());
        metrics.poisonWork("delivery");
        AttemptResult result = AttemptResult.internal(job.url(), error);
        return record(job, result, outcomeOf(job, result), nextAttempt(job, result));
    }

    private AttemptOutcome outcomeOf(DeliveryJob job, AttemptResult result) {
        if (result.succeeded()) {
            return AttemptOutcome.SUCCEEDED;
        }
        return isFinal(job, result) ? AttemptOutcome.FAILED : AttemptOutcome.RETRYING;
    }

    /** No attempts left, or a failure that retrying cannot fix. */
    private static boolean isFinal(DeliveryJob job, AttemptResult result) {
        return job.attempt() >= job.maxAttempts() || result.errorKind() == ErrorKind.BLOCKED
                || result.errorKind() == ErrorKind.REDIRECT_REFUSED
                || Integer.valueOf(410).equals(result.status());
    }

    private Instant nextAttempt(DeliveryJob job, AttemptResult result) {
        if (result.succeeded() || isFinal(job, result)) {
            return null;
        }
        return Timestamps.now().plus(retryPolicy.delayAfter(job.attempt(), result.retryAfter()));
    }

    private Uni<AttemptRecord> record(DeliveryJob job, AttemptResult result, AttemptOutcome outcome, Instant next) {
        AttemptRecord record = new AttemptRecord(Ids.newId(), job, job.method(), result, outcome, next, Timestamps.now());
        return recorder.record(record).replaceWith(record).invoke(recorded -> {
            attemptMetrics.attempted(recorded);
            DeliveryLog.attempt(recorded);
        });
    }
}
