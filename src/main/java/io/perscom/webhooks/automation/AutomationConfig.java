package io.perscom.webhooks.automation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "webhooks.automation")
public interface AutomationConfig {

    /** Longest time one automation's condition and template may take to evaluate; beyond it the run fails. */
    @WithDefault("250ms")
    Duration evaluationTimeout();

    /** Largest payload template (its JSON text), in bytes. */
    @WithDefault("65536")
    int maxTemplateBytes();

    /** Largest text one template string may render to. */
    @WithDefault("65536")
    int maxRenderedChars();

    /** Automations per tenant. */
    @WithDefault("200")
    int maxPerTenant();
}
