package io.perscom.webhooks.observability;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "webhooks.metrics")
public interface MetricsConfig {

    /**
     * Adds a {@code tenant} tag to the event and attempt counters. Off by default: with many tenants the number of
     * series grows with them; turn it on where the tenant count is small.
     */
    @WithDefault("false")
    boolean tenantTag();

    /**
     * How often the queue gauges (depth, age of the oldest due delivery) have the queue read its depth again, when
     * ingest has not had it read more recently.
     */
    @WithDefault("15s")
    Duration queueRefresh();
}
