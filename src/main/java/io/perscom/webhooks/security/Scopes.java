package io.perscom.webhooks.security;

/**
 * OAuth scopes this service checks. quarkus-oidc maps the token's {@code scope} claim to roles
 * ({@code quarkus.oidc.roles.role-claim-path=scope}), so endpoints guard themselves with {@code @RolesAllowed}.
 */
public final class Scopes {

    /** Tenant admins: manage webhooks, automations and their logs. */
    public static final String MANAGE_WEBHOOK = "manage:webhook";
    /** PERSCOM's service account: post events to the internal ingest API. */
    public static final String PUBLISH_EVENT = "publish:event";

    private Scopes() {
    }
}
