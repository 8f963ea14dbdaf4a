package io.perscom.webhooks.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which addresses webhook requests may connect to. Internal ranges are refused so that a tenant cannot point a
 * webhook at the service's own network (SSRF): loopback, RFC 1918 private, CGNAT, link-local (with the cloud
 * metadata address 169.254.169.254), unique-local, multicast, reserved and documentation ranges; IPv4-mapped and
 * NAT64 IPv6 addresses are judged by the IPv4 address they carry. The allow-list overrides.
 */
@ApplicationScoped
public class EgressPolicy {

    private static final List<Cidr> BLOCKED = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .stream().map(Cidr::parse).toList();
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");

    private final boolean enabled;
    private final List<Cidr> allowed;

    public EgressPolicy(EgressConfig config) {
        this.enabled = config.enabled();
        this.allowed = config.allowList().orElse(List.of()).stream().filter(s -> !s.isBlank()).map(Cidr::parse)
                .toList();
    }

    /** Null when the address may be reached, else why not. */
    public String refusal(InetAddress address) {
        if (!enabled || allowed.stream().anyMatch(range -> range.contains(address))) {
            return null;
        }
        InetAddress effective = embeddedV4(address);
        if (effective != address && allowed.stream().anyMatch(range -> range.contains(effective))) {
            return null;
        }
        for (Cidr range : BLOCKED) {
            if (range.contains(effective)) {
                return effective.getHostAddress() + " is in the internal range " + range.text()
                        + "; webhooks may only reach public addresses";
            }
        }
        return null;
    }

    /**
     * The IPv4 address inside a NAT64 (64:ff9b::a.b.c.d) IPv6 address. (Java already turns IPv4-mapped addresses,
     * ::ffff:a.b.c.d, into plain IPv4 ones.)
     */
    static InetAddress embeddedV4(InetAddress address) {
        if (!(address instanceof Inet6Address) || !NAT64.contains(address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        try {
            return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
