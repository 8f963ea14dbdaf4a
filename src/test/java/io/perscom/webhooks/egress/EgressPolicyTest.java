package io.perscom.webhooks.egress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard's decisions, on address literals only: nothing here resolves a name or sends a packet. */
class EgressPolicyTest {

    private static EgressPolicy policy(String... allowed) {
        return new EgressPolicy(new EgressConfig() {
            public boolean enabled() {
                return true;
            }

            public Optional<List<String>> allowList() {
                return Optional.of(List.of(allowed));
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.0.0.2", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.1",
            "192.168.1.10", "169.254.169.254", "169.254.1.1", "100.64.0.1", "0.0.0.0", "224.0.0.1",
            "239.255.255.250", "240.0.0.1", "255.255.255.255", "192.0.2.1", "198.18.0.1", "::1", "::",
            "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
            "::ffff:169.254.169.254", "64:ff9b::a00:1", "64:ff9b::7f00:1", "2001:db8::1" })
    void internalAddressesAreRefused(String address) throws UnknownHostException {
        assertNotNull(policy().refusal(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "11.0.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:82a::200e", "64:ff9b::808:808" })
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertNull(policy().refusal(InetAddress.getByName(address)), address);
    }

    @Test
    void theAllowListOpensOnlyItsRanges() throws UnknownHostException {
        EgressPolicy policy = policy("127.0.0.1/32", "10.96.0.0/12");
        assertNull(policy.refusal(InetAddress.getByName("127.0.0.1")));
        assertNotNull(policy.refusal(InetAddress.getByName("127.0.0.2")));
        assertNull(policy.refusal(InetAddress.getByName("10.100.3.4")));
        assertNotNull(policy.refusal(InetAddress.getByName("10.200.3.4")));
        assertNotNull(policy.refusal(InetAddress.getByName("169.254.169.254")));
    }

    /**
     * Every IPv6 transition form, carrying loopback or private IPv4 addresses: judged by what it carries. The
     * Teredo client address is the bitwise NOT of the last 32 bits: 80ff:fffd carries 127.0.0.2 (RFC 4380).
     */
    @ParameterizedTest
    @ValueSource(strings = { "2002:7f00:2::", "2002:a00:1::1", "2002:c0a8:101:5::1", "::ffff:0:7f00:2",
            "::ffff:0:a00:1", "::7f00:2", "::a00:1", "::a9fe:a9fe", "2001::7f00:2",
            "2001:0:4136:e378:8000:63bf:80ff:fffd", "2001:0:7f00:2::1", "64:ff9b::7f00:2", "64:ff9b:1::7f00:2",
            "64:ff9b:1:7f00:2::", "64:ff9b:1::808:808" })
    void transitionFormsAreJudgedByTheIpv4TheyCarry(String address) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(address);
        assertInstanceOf(Inet6Address.class, parsed, "stays an IPv6 address for the JDK");
        assertNotNull(policy("127.0.0.1/32").refusal(parsed), address);
    }

    @Test
    void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4() throws UnknownHostException {
        byte[] mapped = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 2 };
        assertNotNull(policy().refusal(Inet6Address.getByAddress(null, mapped, -1)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7", "::ffff:0:808:808",
            "64:ff9b::808:808" })
    void transitionFormsCarryingPublicAddressesAreAllowed(String address) throws UnknownHostException {
        assertNull(policy().refusal(InetAddress.getByName(address)), address);
    }

    @Test
    void theAllowListAlsoOpensTheIpv4ATransitionFormCarries() throws UnknownHostException {
        assertNull(policy("127.0.0.1/32").refusal(InetAddress.getByName("64:ff9b::7f00:1")));
        assertNotNull(policy("127.0.0.1/32").refusal(InetAddress.getByName("2002:7f00:2::")));
    }

    /** Spellings other software reads as 127.0.0.2 (or as another address than Java does). */
    @ParameterizedTest
    @ValueSource(strings = { "0177.0.0.2", "0x7f.1", "127.1", "127.0.2", "2130706434", "0x7f000001",
            "017700000001", "0x7f.0.0.02", "127.0.0.2.", "0177.1", "1.2.3.04", "example.123", "example.0x1f",
            "0x", "256.0.0.1", "127.0.0.1.2" })
    void numericHostsOtherThanTheCanonicalFormAreAmbiguous(String host) {
        assertTrue(NumericHosts.isAmbiguous(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.2", "93.184.216.34", "0.0.0.0", "255.255.255.255", "example.com",
            "example.com.", "1password.com", "123.example", "0x7f.example", "::1", "[::1]", "2002:7f00:2::" })
    void canonicalAddressesAndNamesAreNotAmbiguous(String host) {
        assertFalse(NumericHosts.isAmbiguous(host), host);
    }

    @Test
    void allowListEntriesMustBeAddressRanges() {
        assertThrows(IllegalArgumentException.class, () -> policy("internal.example.com/24"));
        assertThrows(IllegalArgumentException.class, () -> policy("10.0.0.0/33"));
    }
}
