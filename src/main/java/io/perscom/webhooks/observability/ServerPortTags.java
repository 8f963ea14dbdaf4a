package io.perscom.webhooks.observability;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Leaves the {@code server.port} tag off the Vert.x server metrics. Quarkus tags them with the configured port, and
 * leaves the tag out for a random port (0); with the service and the management interface on one random and one
 * fixed port, the second server's metrics then carry other tag keys than the first's, which the Prometheus registry
 * refuses with an exception that stops that server from starting. Both servers' byte and connection counts are
 * summed instead; request metrics keep their {@code uri} tag, which tells the management paths apart.
 */
@Singleton
public class ServerPortTags {

    @Produces
    @Singleton
    MeterFilter withoutServerPort() {
        return MeterFilter.ignoreTags("server.port");
    }
}
