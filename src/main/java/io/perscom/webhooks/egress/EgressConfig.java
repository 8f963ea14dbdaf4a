package io.perscom.webhooks.egress;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "webhooks.ssrf")
public interface EgressConfig {

    /** Refuse deliveries to loopback, private, link-local, unique-local, multicast and metadata addresses. */
    @WithDefault("true")
    boolean enabled();

    /**
     * CIDR ranges deliveries may reach even though they are internal, e.g. an in-cluster receiver
     * ({@code 10.96.12.0/24}) or loopback for tests ({@code 127.0.0.1/32}). Default: none.
     */
    Optional<List<String>> allowList();
}
