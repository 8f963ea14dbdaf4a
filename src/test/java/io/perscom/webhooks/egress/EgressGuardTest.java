package io.perscom.webhooks.egress;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.dns.AddressResolverOptions;

/**
 * The guard refuses an ambiguous numeric host (one saved before they were refused) before any lookup: the JDK and
 * Netty read {@code 0177.0.0.2} as the public 177.0.0.2, so without this check it would pass the policy. Nothing is
 * sent: {@code resolve} only returns an address, and the test's resolver only knows a DNS server on loopback.
 */
class EgressGuardTest {

    /** Should the guard ever look such a host up, it would ask a DNS server on loopback, nothing else. */
    private static final Vertx VERTX = Vertx.vertx(new VertxOptions().setAddressResolverOptions(
            new AddressResolverOptions().setServers(List.of("127.0.0.1:9")).setQueryTimeout(500).setMaxQueries(1)));

    @AfterAll
    static void close() {
        VERTX.close();
    }

    @Test
    void anAmbiguousNumericHostIsRefusedWithoutResolving() {
        EgressGuard guard = new EgressGuard(VERTX, new EgressPolicy(new EgressConfig() {
            public boolean enabled() {
                return true;
            }

            public Optional<List<String>> allowList() {
                return Optional.of(List.of("127.0.0.1/32"));
            }
        }));
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> guard.resolve("0177.0.0.2").await().atMost(Duration.ofSeconds(5)));
        assertInstanceOf(EgressGuard.Refused.class, failure);
    }
}
