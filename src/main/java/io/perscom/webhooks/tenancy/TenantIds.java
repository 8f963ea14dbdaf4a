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
}
