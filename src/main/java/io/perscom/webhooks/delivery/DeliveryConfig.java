package io.perscom.webhooks.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "webhooks.delivery")
public interface DeliveryConfig {

    /**
     * Waits between attempts; the number of attempts is one more than its length. Default: Svix's schedule, 8 attempts
     * over about 32 hours.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** Attempts a delivery gets: the first one and one per step of {@link #retrySchedule()}. */
    default int maxAttempts() {
        return retrySchedule().size() + 1;
    }

    /** Random spread of each wait, as a fraction (0.2 = ±20 %), so failed endpoints are not hit in lock-step. */
    @WithDefault("0.2")
    double retryJitter();

    /** Longest wait a {@code Retry-After} header may ask for; longer values are cut to this. */
    @WithDefault("24h")
    Duration maxRetryAfter();

    /** TCP (and TLS) connect timeout. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time allowed for the response once the request is sent (GitHub and Convoy use 10 s). */
    @WithDefault("10s")
    Duration readTimeout();

    /** Response body bytes read and kept in the attempt log; the rest is discarded unread. */
    @WithDefault("16384")
    int maxResponseBody();

    /** Requests in flight at once, over all endpoints. */
    @WithDefault("512")
    int maxInFlight();

    /** Requests in flight at once to one webhook, so one slow endpoint cannot take every slot. */
    @WithDefault("16")
    int maxInFlightPerEndpoint();

    /** Requests in flight at once for one tenant, so one tenant's flood cannot starve the others. */
    @WithDefault("128")
    int maxInFlightPerTenant();

    /** Deliveries this replica holds in memory waiting for a slot; beyond this they stay in the database queue. */
    @WithDefault("20000")
    int maxQueued();

    /**
     * How long a claimed delivery belongs to this replica before another may take it over. The replica renews the
     * leases it holds every {@link #leaseRenewal()}, so this bounds how long a crashed replica's deliveries wait.
     */
    @WithDefault("60s")
    Duration lease();

    /** How often this replica renews the leases of the deliveries it holds (well under {@link #lease()}). */
    @WithDefault("20s")
    Duration leaseRenewal();

    /** On shutdown, how long in-flight deliveries may take to finish; queued ones are released at once. */
    @WithDefault("20s")
    Duration shutdownGrace();

    /** How often the database queue is polled for due retries and deliveries whose lease expired. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries claimed per poll query. */
    @WithDefault("500")
    int pollBatch();

    /**
     * How old the count of due deliveries may be when ingest compares it with {@code webhooks.limits.max-due-deliveries}
     * (and the queue gauges show it): it is read from the database at most this often.
     */
    @WithDefault("1s")
    Duration dueCountMaxAge();

    /** Name of this replica in delivery leases. Default: host name and a random suffix. */
    Optional<String> instanceId();

    /** {@code User-Agent} of outgoing requests. */
    @WithDefault("perscom-webhooks/1.0 (+https://perscom.io)")
    String userAgent();

    /**
     * An endpoint whose every attempt has failed for this long is disabled (Svix: 5 days); an admin re-enables it.
     */
    @WithDefault("5d")
    Duration disableAfterFailingFor();

    CircuitBreaker circuitBreaker();

    Recorder recorder();

    interface CircuitBreaker {
        /** Attempts in the rolling window that decides whether an endpoint's circuit opens. */
        @WithDefault("10")
        int requestVolume();

        /** Share of failed attempts in the window that opens the circuit. */
        @WithDefault("1.0")
        double failureRatio();

        /** How long an open circuit holds deliveries back before one probe is let through. */
        @WithDefault("60s")
        Duration delay();
    }

    interface Recorder {
        /** Attempt results written in one statement. */
        @WithDefault("500")
        int maxBatch();

        /** Batches written concurrently (each on its own connection). */
        @WithDefault("2")
        int maxConcurrentFlushes();
    }
}
