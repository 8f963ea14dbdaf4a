package io.perscom.webhooks.observability;

import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Leaves out the gauges that libraries register more than once under one name and tags, so that only the first
 * registration counts (a wrong number) and Micrometer warns about the next one at every start:
 * <ul>
 * <li>{@code netty.eventexecutor.workers}: Quarkus binds Micrometer's Netty event-executor metrics for Vert.x's event
 * loop group and again for its acceptor group, and since Micrometer 1.16 each binding registers this untagged gauge
 * (quarkusio/quarkus#52014). The per-executor {@code netty.eventexecutor.tasks.pending} gauges stay.</li>
 * <li>{@code postgresql.queue.size} and {@code postgresql.current}: the reactive PostgreSQL client makes client
 * metrics per connection, and each registers these pool-wide gauges again (quarkusio/quarkus#47504), so they would
 * show one connection of the pool. The {@code postgresql.*} timers and counters stay (they are shared, not
 * re-registered), and {@code webhooks.dispatcher.*} tell how busy the service is.</li>
 * </ul>
 */
@Singleton
public class AmbiguousGauges {

    static final Set<String> NAMES = Set.of("netty.eventexecutor.workers", "postgresql.queue.size",
            "postgresql.current");

    @Produces
    @Singleton
    MeterFilter withoutAmbiguousGauges() {
        return MeterFilter.deny(id -> id.getType() == Meter.Type.GAUGE && NAMES.contains(id.getName()));
    }
}
