package io.perscom.webhooks.observability;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Leaves out the gauge {@code netty.eventexecutor.workers}. Quarkus binds Micrometer's Netty event-executor metrics
 * for Vert.x's event loop group and again for its acceptor group, and since Micrometer 1.16 each binding registers
 * this gauge without tags: only the first counts (one of the two groups, a wrong number) and Micrometer warns about
 * the second at every start (quarkusio/quarkus#52014). The per-executor {@code netty.eventexecutor.tasks.pending}
 * gauges stay.
 */
@Singleton
public class AmbiguousGauges {

    static final String NETTY_WORKERS = "netty.eventexecutor.workers";

    @Produces
    @Singleton
    MeterFilter withoutAmbiguousGauges() {
        return MeterFilter.deny(id -> id.getType() == Meter.Type.GAUGE && NETTY_WORKERS.equals(id.getName()));
    }
}
