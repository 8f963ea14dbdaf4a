package io.perscom.webhooks.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Request size limits answered with problem+json by {@link HttpLimitProblems}. The HTTP codec's own limits
 * ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}) are set well above these, because
 * what the codec refuses gets a bare status without a body (Vert.x offers Quarkus applications no hook for it).
 */
@ConfigMapping(prefix = "webhooks.http")
public interface HttpLimitsConfig {

    /** Longest request target (path and query) answered normally; longer gets 414. */
    @WithDefault("4096")
    int maxUriLength();

    /** Largest request header block (names, values and separators); larger gets 431. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();
}
