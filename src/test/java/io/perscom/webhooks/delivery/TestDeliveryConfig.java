package io.perscom.webhooks.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The documented defaults of {@link DeliveryConfig}, with chosen jitter and concurrency limits, for unit tests. */
record TestDeliveryConfig(double retryJitter, int maxInFlight, int maxInFlightPerEndpoint, int maxInFlightPerTenant)
        implements DeliveryConfig {

    static DeliveryConfig with(double jitter) {
        return new TestDeliveryConfig(jitter, 512, 16, 128);
    }

    static DeliveryConfig limits(int overall, int perEndpoint, int perTenant) {
        return new TestDeliveryConfig(0, overall, perEndpoint, perTenant);
    }

    public List<Duration> retrySchedule() {
        return List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
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

    public int maxQueued() {
        return 20000;
    }

    public Duration lease() {
        return Duration.ofSeconds(60);
    }

    public Duration leaseRenewal() {
        return Duration.ofSeconds(20);
    }

    public Duration shutdownGrace() {
        return Duration.ofSeconds(20);
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
        return new CircuitBreaker() {
            public int requestVolume() {
                return 10;
            }

            public double failureRatio() {
                return 1.0;
            }

            public Duration delay() {
                return Duration.ofSeconds(60);
            }
        };
    }

    public Recorder recorder() {
        return null;
    }
}
