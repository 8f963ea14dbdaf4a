package io.perscom.webhooks.delivery.dispatch;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.jboss.logging.Logger;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.http.AttemptResult;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * One SmallRye Fault Tolerance circuit breaker per webhook. An endpoint that keeps failing is left alone for a
 * while; its deliveries are deferred (they keep their place and their attempt count), never dropped.
 */
@ApplicationScoped
public class EndpointCircuits {

    private static final Logger LOG = Logger.getLogger(EndpointCircuits.class);
    private static final TypeLiteral<Uni<AttemptResult>> RESULT = new TypeLiteral<>() {
    };

    private final Map<UUID, Circuit> circuits = new ConcurrentHashMap<>();
    private final DeliveryConfig.CircuitBreaker config;

    public EndpointCircuits(DeliveryConfig config) {
        this.config = config.circuitBreaker();
    }

    /** Thrown inside the guard for a failed attempt, so the breaker counts it; unwrapped right after. */
    static final class FailedAttempt extends RuntimeException {
        final transient AttemptResult result;

        FailedAttempt(AttemptResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private record Circuit(Guard guard, AtomicReference<CircuitBreakerState> state) {
    }

    /**
     * Runs the attempt through the webhook's breaker. Completes with the attempt's result, or fails with
     * {@code CircuitBreakerOpenException} when the circuit is open and nothing was sent.
     */
    public Uni<AttemptResult> guard(UUID webhookId, Supplier<Uni<AttemptResult>> attempt) {
        Circuit circuit = circuits.computeIfAbsent(webhookId, this::create);
        Supplier<Uni<AttemptResult>> failing = () -> attempt.get()
                .onItem().transformToUni(result -> result.succeeded()
                        ? Uni.createFrom().item(result)
                        : Uni.createFrom().failure(new FailedAttempt(result)));
        return circuit.guard().get(failing, RESULT)
                .onFailure(FailedAttempt.class).recoverWithItem(error -> ((FailedAttempt) error).result);
    }

    public long openCount() {
        return circuits.values().stream().filter(c -> c.state().get() == CircuitBreakerState.OPEN).count();
    }

    private Circuit create(UUID webhookId) {
        AtomicReference<CircuitBreakerState> state = new AtomicReference<>(CircuitBreakerState.CLOSED);
        Guard guard = Guard.create()
                .withDescription("webhook " + webhookId)
                .withCircuitBreaker()
                .requestVolumeThreshold(config.requestVolume())
                .failureRatio(config.failureRatio())
                .delay(config.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .onStateChange(next -> {
                    state.set(next);
                    LOG.infof("Circuit of webhook %s is now %s", webhookId, next);
                })
                .done()
                .build();
        return new Circuit(guard, state);
    }
}
