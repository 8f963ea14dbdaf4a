package io.perscom.webhooks.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 addresses an IPv6 address of a transition form carries, where a translator or relay on the path would
 * deliver the packet: IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, SIIT
 * {@code ::ffff:0:a.b.c.d} (RFC 2765), 6to4 {@code 2002:AABB:CCDD::/48} (RFC 3056), Teredo {@code 2001::/32}
 * (RFC 4380: the server address in bits 32-63, the client address as the bitwise NOT of the last 32 bits) and
 * NAT64 {@code 64:ff9b::a.b.c.d} (RFC 6052).
 */
final class EmbeddedIpv4 {

    private EmbeddedIpv4() {
    }

    static List<InetAddress> of(InetAddress address) {
        List<InetAddress> found = new ArrayList<>(2);
        if (!(address instanceof Inet6Address)) {
            return found;
        }
        byte[] b = address.getAddress();
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            found.add(v4(b, 12, false));
        } else if (zero(b, 0, 12)) {
            found.add(v4(b, 12, false));
        } else if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
            found.add(v4(b, 12, false));
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            found.add(v4(b, 2, false));
        } else if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            found.add(v4(b, 4, false));
            found.add(v4(b, 12, true));
        } else if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
            found.add(v4(b, 12, false));
        }
        return found;
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] bytes, int offset, boolean inverted) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (inverted ? ~bytes[offset + i] : bytes[offset + i]);
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
