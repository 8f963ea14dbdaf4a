package io.perscom.webhooks.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.netty4.NettyEventExecutorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;

/** The gauges registered twice under one id are left out, and only those. */
class AmbiguousGaugesTest {

    @Test
    void nettyGroupsBoundTwiceKeepTheirPerExecutorGaugesOnly() {
        EventLoopGroup loops = new DefaultEventLoopGroup(2);
        EventLoopGroup acceptor = new DefaultEventLoopGroup(1);
        try {
            SimpleMeterRegistry registry = filtered();
            // What Quarkus does: one binding for Vert.x's event loops, one for its acceptor.
            new NettyEventExecutorMetrics(loops).bindTo(registry);
            new NettyEventExecutorMetrics(acceptor).bindTo(registry);

            assertNull(registry.find("netty.eventexecutor.workers").gauge());
            assertEquals(3, registry.find("netty.eventexecutor.tasks.pending").gauges().size());
        } finally {
            loops.shutdownGracefully();
            acceptor.shutdownGracefully();
        }
    }

    @Test
    void sqlClientGaugesRegisteredPerConnectionFactoryAreLeftOut() {
        SimpleMeterRegistry registry = filtered();
        Tags tags = Tags.of("clientName", "<default>", "clientType", "sql");
        for (int factory = 0; factory < 2; factory++) {
            Gauge.builder("postgresql.queue.size", () -> 1).tags(tags).register(registry);
            Gauge.builder("postgresql.current", () -> 1).tags(tags).register(registry);
            registry.counter("postgresql.completed", tags).increment();
        }

        assertNull(registry.find("postgresql.queue.size").gauge());
        assertNull(registry.find("postgresql.current").gauge());
        assertEquals(2.0, registry.find("postgresql.completed").counter().count());
    }

    @Test
    void otherGaugesStay() {
        SimpleMeterRegistry registry = filtered();
        Gauge.builder("webhooks.dispatcher.queued", () -> 1).register(registry);

        assertNotNull(registry.find("webhooks.dispatcher.queued").gauge());
    }

    private static SimpleMeterRegistry filtered() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new AmbiguousGauges().withoutAmbiguousGauges());
        return registry;
    }
}
