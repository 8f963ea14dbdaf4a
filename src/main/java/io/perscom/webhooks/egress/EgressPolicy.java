package io.perscom.webhooks.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which addresses webhook requests may connect to. Internal ranges are refused so that a tenant cannot point a
 * webhook at the service's own network (SSRF): loopback, RFC 1918 private, CGNAT, link-local (with the cloud
 * metadata address 169.254.169.254), unique-local, multicast, reserved and documentation ranges. An IPv6 address of
 * a transition form (IPv4-mapped, IPv4-compatible, SIIT, 6to4, Teredo, NAT64) is also judged by every IPv4 address it
 * carries, so {@code 2002:7f00:2::} is loopback; the local-use NAT64 prefix 64:ff9b:1::/48 is internal as a whole.
 * The allow-list overrides, for the address itself or for the IPv4 address it carries.
 */
@ApplicationScoped
public class EgressPolicy {

    private static final List<Cidr> BLOCKED = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b:1::/48", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10",
            "fec0::/10", "ff00::/8")
            .stream().map(Cidr::parse).toList();

    private final boolean enabled;
    private final List<Cidr> allowed;

    public EgressPolicy(EgressConfig config) {
        this.enabled = config.enabled();
        this.allowed = config.allowList().orElse(List.of()).stream().filter(s -> !s.isBlank()).map(Cidr::parse)
                .toList();
    }

    /** Null when the address may be reached, else why not. */
    public String refusal(InetAddress address) {
        if (!enabled || isAllowed(address)) {
            return null;
        }
        String refusal = blockedRange(address, address);
        if (refusal != null) {
            return refusal;
        }
        for (InetAddress embedded : EmbeddedIpv4.of(address)) {
            if (!isAllowed(embedded)) {
                refusal = blockedRange(embedded, address);
                if (refusal != null) {
                    return refusal;
                }
            }
        }
        return null;
    }

    private boolean isAllowed(InetAddress address) {
        return allowed.stream().anyMatch(range -> range.contains(address));
    }

    private static String blockedRange(InetAddress judged, InetAddress original) {
        for (Cidr range : BLOCKED) {
            if (range.contains(judged)) {
                String carried = judged == original ? "" : " (carried by " + original.getHostAddress() + ")";
                return judged.getHostAddress() + carried + " is in the internal range " + range.text()
                        + "; webhooks may only reach public addresses";
            }
        }
        return null;
    }
}
