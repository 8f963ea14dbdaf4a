package io.perscom.webhooks.observability;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Leaves out the gauge {@code netty.eventexecutor.workers}. Quarkus binds Micrometer's Netty event-executor metrics
 * twice, for Vert.x's event loop group and for its acceptor group, and since Micrometer 1.16 each binding registers
 * this gauge without tags: the second is refused with a WARN at every start (quarkusio/quarkus#52014), and the one
 * kept would count only one of the two groups. The per-executor {@code netty.eventexecutor.tasks.pending} gauges stay.
 */
@Singleton
public class NettyMetricsFilter {

    static final String AMBIGUOUS_GAUGE = "netty.eventexecutor.workers";

    @Produces
    @Singleton
    MeterFilter withoutAmbiguousNettyWorkersGauge() {
        return MeterFilter.deny(id -> AMBIGUOUS_GAUGE.equals(id.getName()));
    }
}
