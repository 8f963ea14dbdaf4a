package io.perscom.webhooks.delivery.dispatch;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * This replica's in-memory delivery state as gauges: {@code webhooks_dispatcher_queued},
 * {@code webhooks_dispatcher_in_flight} and {@code webhooks_circuits_open}.
 */
@Startup
@ApplicationScoped
public class DispatchGauges {

    public DispatchGauges(MeterRegistry registry, DeliveryDispatcher dispatcher, EndpointCircuits circuits) {
        Gauge.builder("webhooks.dispatcher.queued", dispatcher, DeliveryDispatcher::queued)
                .description("Claimed deliveries waiting in memory for a send slot").register(registry);
        Gauge.builder("webhooks.dispatcher.in.flight", dispatcher, DeliveryDispatcher::inFlight)
                .description("Requests in flight").register(registry);
        Gauge.builder("webhooks.circuits.open", circuits, EndpointCircuits::openCount)
                .description("Webhooks whose circuit breaker is open on this replica").register(registry);
    }
}
