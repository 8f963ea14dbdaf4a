package io.perscom.webhooks.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The documented defaults of {@link DeliveryConfig}, with a chosen jitter, for unit tests. */
final class TestDeliveryConfig {

    private TestDeliveryConfig() {
    }

    static DeliveryConfig with(double jitter) {
        return new DeliveryConfig() {
            public List<Duration> retrySchedule() {
                return List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                        Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
            }

            public double retryJitter() {
                return jitter;
            }

            public Duration maxRetryAfter() {
                return Duration.ofHours(24);
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(5);
            }

            public Duration readTimeout() {
                return Duration.ofSeconds(10);
            }

            public int maxResponseBody() {
                return 16384;
            }

            public int maxInFlight() {
                return 512;
            }

            public int maxInFlightPerEndpoint() {
                return 16;
            }

            public int maxQueued() {
                return 20000;
            }

            public Duration lease() {
                return Duration.ofMinutes(5);
            }

            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            public int pollBatch() {
                return 500;
            }

            public Optional<String> instanceId() {
                return Optional.empty();
            }

            public String userAgent() {
                return "test";
            }

            public Duration disableAfterFailingFor() {
                return Duration.ofDays(5);
            }

            public CircuitBreaker circuitBreaker() {
                return null;
            }

            public Recorder recorder() {
                return null;
            }
        };
    }
}
