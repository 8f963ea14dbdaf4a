package io.perscom.webhooks.egress;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void allowListEntriesMustBeAddressRanges() {
        assertThrows(IllegalArgumentException.class, () -> policy("internal.example.com/24"));
        assertThrows(IllegalArgumentException.class, () -> policy("10.0.0.0/33"));
    }
}
