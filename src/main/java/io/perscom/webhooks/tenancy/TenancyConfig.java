package io.perscom.webhooks.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "webhooks.tenancy")
public interface TenancyConfig {

    /** Name of the access-token claim that carries the admin's tenant id. */
    @WithDefault("tenant_id")
    String claim();

    /**
     * The plan of a tenant PERSCOM has not reported yet (one of perscom, basic, pro, enterprise, no_current_plan).
     * {@code enterprise} keeps every tenant that used the service before plans existed working until PERSCOM reports
     * its plan; once PERSCOM has reported every tenant's plan, {@code no_current_plan} refuses the unknown ones.
     */
    @WithDefault("enterprise")
    String defaultPlan();
}
