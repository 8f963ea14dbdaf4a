package io.perscom.webhooks.egress;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
record Cidr(byte[] network, int prefix, String text) {

    static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        try {
            byte[] bytes = InetAddress.getByName(literal(address)).getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + text);
            }
            return new Cidr(bytes, prefix, trimmed);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a CIDR range: " + text, e);
        }
    }

    /** Only IP literals are accepted: a range must never cause a DNS lookup. */
    private static String literal(String address) {
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("Not an IP address: " + address);
        }
        return address;
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int shift = network.length * 8 - prefix;
        return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
    }
}
