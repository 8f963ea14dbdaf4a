package io.perscom.webhooks.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "webhooks.limits")
public interface TenantLimits {

    /** Events one tenant may ingest per second on one replica (token bucket); beyond it ingest answers 429. */
    @WithDefault("500")
    int tenantEventsPerSecond();

    /** Burst above the steady rate. */
    @WithDefault("1000")
    int tenantEventBurst();

    /** Webhooks one tenant may have. */
    @WithDefault("100")
    int maxWebhooksPerTenant();

    /**
     * Due deliveries in the queue beyond which ingest answers 503 with Retry-After instead of growing a backlog it
     * cannot drain.
     */
    @WithDefault("1000000")
    long maxDueDeliveries();
}
