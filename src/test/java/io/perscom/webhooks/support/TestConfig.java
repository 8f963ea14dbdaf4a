package io.perscom.webhooks.support;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A {@code @ConfigMapping} for unit tests, built by SmallRye Config from the mapping's own defaults and the given
 * properties (full names, as in application.properties), so tests never restate a default.
 */
public final class TestConfig {

    private TestConfig() {
    }

    public static <T> T mapping(Class<T> type, Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(type)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withDefaultValues(properties)
                .build();
        return config.getConfigMapping(type);
    }

    public static <T> T mapping(Class<T> type) {
        return mapping(type, Map.of());
    }
}
