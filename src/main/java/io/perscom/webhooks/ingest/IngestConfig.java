package io.perscom.webhooks.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "webhooks.ingest")
public interface IngestConfig {

    /** Largest body of {@code POST /internal/v1/events}, in bytes (413 beyond). */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** Largest body of {@code POST /internal/v1/events/batch}, in bytes (413 beyond). */
    @WithDefault("8388608")
    int maxBatchBodyBytes();

    /** Most events in one batch. */
    @WithDefault("100")
    int maxBatchSize();
}
