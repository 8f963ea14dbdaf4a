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

    /** How often the due-queue gauges (depth, age of the oldest due delivery) are refreshed from the database. */
    @WithDefault("15s")
    Duration queueRefresh();
}
