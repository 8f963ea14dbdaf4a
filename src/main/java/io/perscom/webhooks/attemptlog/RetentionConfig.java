package io.perscom.webhooks.attemptlog;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "webhooks.retention")
public interface RetentionConfig {

    /** Attempt logs, finished deliveries and their events older than this many days are deleted. */
    @WithDefault("30")
    int days();

    /** Rows deleted per statement, so pruning never holds long locks next to delivery. */
    @WithDefault("1000")
    int batchSize();

    /** How often pruning runs. */
    @WithDefault("1h")
    Duration interval();

    /** Wait after start-up before the first pruning run. */
    @WithDefault("5m")
    Duration initialDelay();
}
