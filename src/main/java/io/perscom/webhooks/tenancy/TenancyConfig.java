package io.perscom.webhooks.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "webhooks.tenancy")
public interface TenancyConfig {

    /** Name of the access-token claim that carries the admin's tenant id. */
    @WithDefault("tenant_id")
    String claim();
}
