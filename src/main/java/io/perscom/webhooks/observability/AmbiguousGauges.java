package io.perscom.webhooks.observability;

import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Leaves out gauges that several objects register under one id, where only the first registration counts and the
 * exported number is therefore wrong.
 * <p>
 * {@code netty.eventexecutor.workers}: Quarkus binds Micrometer's Netty event-executor metrics
 * for Vert.x's event loop group and again for its acceptor group, and since Micrometer 1.16 each binding registers
 * this gauge without tags: only the first counts (one of the two groups, a wrong number) and Micrometer warns about
 * the second at every start (quarkusio/quarkus#52014). The per-executor {@code netty.eventexecutor.tasks.pending}
 * gauges stay.
 * <p>
 * {@code postgresql.queue.size} and {@code postgresql.current}: the reactive PostgreSQL client makes client metrics
 * for each of its connection factories and Quarkus registers these two gauges, untagged by connection, for each
 * (quarkusio/quarkus#47504): they would show one factory's numbers. The pool's own gauges ({@code sql.pool.*}) and
 * the client's counters and timers, which Micrometer shares between registrations, stay. Micrometer's warning about
 * the second registration comes before any filter; application.properties silences that logger.
 */
@Singleton
public class AmbiguousGauges {

    static final Set<String> LEFT_OUT = Set.of(
            "netty.eventexecutor.workers", "postgresql.queue.size", "postgresql.current");

    @Produces
    @Singleton
    MeterFilter withoutAmbiguousGauges() {
        return MeterFilter.deny(id -> id.getType() == Meter.Type.GAUGE && LEFT_OUT.contains(id.getName()));
    }
}
