package io.perscom.webhooks.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** This replica's name in delivery leases. */
@ApplicationScoped
public class ReplicaIdentity {

    private final String id;

    public ReplicaIdentity(DeliveryConfig config) {
        this.id = config.instanceId().orElseGet(ReplicaIdentity::generated);
    }

    public String id() {
        return id;
    }

    private static String generated() {
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
