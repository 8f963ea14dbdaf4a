package io.perscom.webhooks.security;

import java.util.Map;
import java.util.Set;

/**
 * OAuth scopes this service checks. quarkus-oidc maps the token's {@code scope} claim to roles
 * ({@code quarkus.oidc.roles.role-claim-path=scope}), so endpoints guard themselves with {@code @RolesAllowed}.
 *
 * <p>The admin API checks PERSCOM's own permission names ({@code view_any_webhook}, {@code create_automation}, ...,
 * as its policies do), one per operation. {@link #GRANTS} is the one table of broad scopes that stand for several
 * permissions: {@code manage:webhook} still grants every admin permission.
 */
public final class Scopes {

    /** Tenant admins: every admin permission below. */
    public static final String MANAGE_WEBHOOK = "manage:webhook";
    /** PERSCOM's service account: post events to the internal ingest API. */
    public static final String PUBLISH_EVENT = "publish:event";
    /** PERSCOM's service account: report tenants' plans and import their webhooks and automations. */
    public static final String MANAGE_TENANT = "manage:tenant";

    public static final String VIEW_ANY_WEBHOOK = "view_any_webhook";
    public static final String VIEW_WEBHOOK = "view_webhook";
    public static final String CREATE_WEBHOOK = "create_webhook";
    public static final String UPDATE_WEBHOOK = "update_webhook";
    public static final String DELETE_WEBHOOK = "delete_webhook";
    public static final String VIEW_ANY_WEBHOOK_LOG = "view_any_webhook_log";
    public static final String VIEW_WEBHOOK_LOG = "view_webhook_log";
    public static final String VIEW_ANY_AUTOMATION = "view_any_automation";
    public static final String VIEW_AUTOMATION = "view_automation";
    public static final String CREATE_AUTOMATION = "create_automation";
    public static final String UPDATE_AUTOMATION = "update_automation";
    public static final String DELETE_AUTOMATION = "delete_automation";
    public static final String VIEW_ANY_AUTOMATION_LOG = "view_any_automation_log";

    /** Every permission of the admin API. */
    public static final Set<String> ADMIN_PERMISSIONS = Set.of(VIEW_ANY_WEBHOOK, VIEW_WEBHOOK, CREATE_WEBHOOK,
            UPDATE_WEBHOOK, DELETE_WEBHOOK, VIEW_ANY_WEBHOOK_LOG, VIEW_WEBHOOK_LOG, VIEW_ANY_AUTOMATION,
            VIEW_AUTOMATION, CREATE_AUTOMATION, UPDATE_AUTOMATION, DELETE_AUTOMATION, VIEW_ANY_AUTOMATION_LOG);

    /** Broad scopes and the permissions they stand for (added to the caller's roles by {@link ScopeGrants}). */
    public static final Map<String, Set<String>> GRANTS = Map.of(MANAGE_WEBHOOK, ADMIN_PERMISSIONS);

    private Scopes() {
    }
}
