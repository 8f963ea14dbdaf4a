package io.perscom.webhooks.tenancy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.perscom.webhooks.api.ApiException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The tenant of the admin making this request, read from a token claim. Every admin query is scoped by it; a token
 * without it is refused with 403.
 */
@RequestScoped
public class CurrentTenant {

    @Inject
    SecurityIdentity identity;

    @Inject
    TenancyConfig config;

    private String tenantId;

    public String id() {
        if (tenantId == null) {
            tenantId = resolve();
        }
        return tenantId;
    }

    private String resolve() {
        String value = tenantOf(identity, config.claim());
        if (value != null) {
            return value;
        }
        throw ApiException.forbidden("The token carries no valid '" + config.claim() + "' claim naming a tenant.");
    }

    /** The valid tenant id in the identity's token claim {@code claimName}, or null. */
    public static String tenantOf(SecurityIdentity identity, String claimName) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(claimName);
            String value = claim == null ? null : claimText(claim);
            if (TenantIds.isValid(value)) {
                return value;
            }
        }
        return null;
    }

    private static String claimText(Object claim) {
        // JSON-P values: strings arrive quoted through toString(), numbers do not.
        if (claim instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return claim.toString();
    }
}
