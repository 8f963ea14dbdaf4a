package io.perscom.webhooks.tenancy;

import java.util.regex.Pattern;

/** What a tenant id may look like, wherever it comes from (token claim or ingest body). */
public final class TenantIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private TenantIds() {
    }

    public static boolean isValid(String tenantId) {
        return tenantId != null && VALID.matcher(tenantId).matches();
    }

    /** The tenant id of an internal API path, or 422 on {@code tenant_id}. */
    public static String require(String tenantId) {
        if (!isValid(tenantId)) {
            throw io.perscom.webhooks.api.ApiException.invalid("tenant_id", "is not a valid tenant id");
        }
        return tenantId;
    }
}
