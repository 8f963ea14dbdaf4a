package io.perscom.webhooks.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.util.NetUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

/**
 * Resolves a webhook's host once, checks the address against the {@link EgressPolicy}, and hands back that very
 * address for the connection, so a DNS answer that changes between check and connect (rebinding) cannot redirect the
 * request to an internal address.
 */
@ApplicationScoped
public class EgressGuard {

    /** The host resolves to an address webhooks may not reach. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final VertxInternal vertx;
    private final EgressPolicy policy;

    public EgressGuard(Vertx vertx, EgressPolicy policy) {
        this.vertx = (VertxInternal) vertx;
        this.policy = policy;
    }

    /** The checked address to connect to, or a failure: {@link Refused}, or {@link UnknownHostException}. */
    public Uni<InetAddress> resolve(String host) {
        if (NumericHosts.isAmbiguous(host)) {
            // Saved before such hosts were refused: never resolved, whatever the resolver would make of it.
            return Uni.createFrom().failure(new Refused(host + ": " + NumericHosts.AMBIGUOUS));
        }
        return resolveHost(host).map(address -> {
            String refusal = policy.refusal(address);
            if (refusal != null) {
                throw new Refused(refusal);
            }
            return address;
        });
    }

    /** Why a URL's host is refused, judged without DNS (literal addresses and localhost only), or null. */
    public String refusalWithoutDns(String url) {
        String host = hostOf(url);
        if (host == null) {
            return null;
        }
        if ("localhost".equalsIgnoreCase(host) || host.toLowerCase().endsWith(".localhost")) {
            return policy.refusal(InetAddress.getLoopbackAddress());
        }
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(host);
        if (literal == null) {
            return null;
        }
        try {
            return policy.refusal(InetAddress.getByAddress(literal));
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private Uni<InetAddress> resolveHost(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(bare);
        if (literal != null) {
            return Uni.createFrom().item(() -> {
                try {
                    return InetAddress.getByAddress(literal);
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return Uni.createFrom().emitter(emitter -> vertx.resolveAddress(bare, result -> {
            if (result.succeeded()) {
                emitter.complete(result.result());
            } else {
                emitter.fail(result.cause());
            }
        }));
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? null
                    : host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
