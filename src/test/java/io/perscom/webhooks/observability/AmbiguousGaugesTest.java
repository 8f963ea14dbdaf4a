package io.perscom.webhooks.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
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
    void sqlClientGaugesGoButTheirTimersAndOtherGaugesStay() {
        SimpleMeterRegistry registry = filtered();
        List<String> gauges = List.of("postgresql.queue.size", "postgresql.current", "webhooks.dispatcher.queued");
        gauges.forEach(name -> Gauge.builder(name, () -> 1).register(registry));
        registry.timer("postgresql.queue.delay");

        assertNull(registry.find("postgresql.queue.size").gauge());
        assertNull(registry.find("postgresql.current").gauge());
        assertNotNull(registry.find("webhooks.dispatcher.queued").gauge());
        assertNotNull(registry.find("postgresql.queue.delay").timer());
    }

    private static SimpleMeterRegistry filtered() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new AmbiguousGauges().withoutAmbiguousGauges());
        return registry;
    }
}
