package io.perscom.webhooks.delivery.queue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.delivery.DeliveryConfig;

/**
 * The terms of every lease this replica takes on queued work: its name ({@code webhooks.delivery.instance-id}, by
 * default the host name and a random suffix) and how long a lease lasts ({@code webhooks.delivery.lease}). Only the
 * queue package writes leases, so only it reads these.
 */
@ApplicationScoped
public class ReplicaLease {

    private final String owner;
    private final Duration length;

    public ReplicaLease(DeliveryConfig config) {
        this.owner = config.instanceId().orElseGet(ReplicaLease::generatedName);
        this.length = config.lease();
    }

    String owner() {
        return owner;
    }

    long millis() {
        return length.toMillis();
    }

    Duration length() {
        return length;
    }

    /**
     * The SQL expression for the end of a lease taken now, the lease length in milliseconds being bound to
     * {@code parameter}: the database's clock, the one every lease is compared with.
     */
    static String untilSql(String parameter) {
        return "now() + " + parameter + "::bigint * interval '1 millisecond'";
    }

    private static String generatedName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "replica";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 64 ? name.substring(name.length() - 64) : name;
    }
}
