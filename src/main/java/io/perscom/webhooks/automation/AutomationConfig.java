package io.perscom.webhooks.automation;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "webhooks.automation")
public interface AutomationConfig {

    /**
     * Longest time one automation's condition and template may take to evaluate; the engines check it as they go and
     * stop there (the run fails with error kind {@code time}).
     */
    @WithDefault("250ms")
    Duration evaluationTimeout();

    /** Evaluation steps (expression nodes, loop iterations, regex characters read) one run may take. */
    @WithDefault("1000000")
    long maxSteps();

    /** Largest payload template (its JSON text), in bytes. */
    @WithDefault("65536")
    int maxTemplateBytes();

    /** Largest string (rendered output or any value built on the way) one run may make, in characters. */
    @WithDefault("65536")
    int maxRenderedChars();

    /** Largest list or map one run may build (ranges, splits, merges). */
    @WithDefault("10000")
    int maxCollectionSize();

    /** Deepest nesting of expressions and statements, when parsed and when evaluated. */
    @WithDefault("100")
    int maxDepth();

    /**
     * How often the automation job queue is polled for jobs no replica is working on (accepted while the accepting
     * replica had no room, or whose replica died).
     */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * Times an event's automation job may be picked up again after its run failed or its replica died; then it is
     * given up: a failed log (error kind {@code internal}) for each automation of the event, and an ERROR log line.
     */
    @WithDefault("5")
    int maxJobAttempts();

    /**
     * Evaluations (previews and automation runs) that run at the same time; the rest wait their turn. Default: half
     * the processors, at least 1, so runaway templates that use up their whole budget never take every core from the
     * event loops (health, ingest, the API).
     */
    Optional<Integer> evaluationThreads();

    /** Automations per tenant. */
    @WithDefault("200")
    int maxPerTenant();

    /** What the {@code widgetUrl()} template function returns (PERSCOM's widget URL); empty when unset. */
    Optional<String> widgetUrl();
}
