package io.perscom.webhooks.observability;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Gives every Vert.x HTTP server meter a {@code server.port} tag. Quarkus tags them with the configured port but
 * leaves the tag out when the port is random (0): with the service on a random port and the management interface on
 * a fixed one (as in the packaged-jar test), the second server's meters would carry other tag keys than the first's,
 * which the Prometheus registry refuses with an exception that keeps that server from starting. A random port is
 * tagged {@code 0}, as configured; fixed ports (production) are unchanged.
 */
@Singleton
public class ServerPortTags {

    static final String TAG = "server.port";

    @Produces
    @Singleton
    MeterFilter withServerPort() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith("http.server.") && id.getTag(TAG) == null ? id.withTag(
                        io.micrometer.core.instrument.Tag.of(TAG, "0")) : id;
            }
        };
    }
}
