package io.perscom.webhooks.tenancy.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.perscom.webhooks.tenancy.CurrentTenant;
import io.perscom.webhooks.tenancy.TenancyConfig;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Refuses the admin API ({@link RequiresPlan}) with 403 {@code plan-required} to tenants whose plan lacks webhooks.
 * Requests without a valid token or tenant claim pass through to the security checks, which answer 401 or 403.
 */
@ApplicationScoped
public class PlanGate {

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    TenantPlans plans;

    @Inject
    TenancyConfig config;

    @RequiresPlan
    @ServerRequestFilter
    public Uni<Void> requireEntitledTenant() {
        return identities.getDeferredIdentity().flatMap(identity -> {
            String tenantId = identity.isAnonymous() ? null : CurrentTenant.tenantOf(identity, config.claim());
            return tenantId == null ? Uni.createFrom().voidItem() : plans.requireEntitled(tenantId);
        });
    }
}
