package io.perscom.webhooks.tenancy.plan;

import java.util.List;

/**
 * PERSCOM's subscription plans (its {@code SubscriptionPlanType}) and which of them include webhooks. The SQL
 * fragment {@link #entitledSql} is how every statement that creates or claims work asks the same question.
 */
public final class Plans {

    public static final String ENTERPRISE = "enterprise";
    public static final String NONE = "no_current_plan";
    public static final List<String> ALL = List.of("perscom", "basic", "pro", ENTERPRISE, NONE);

    private Plans() {
    }

    public static boolean isKnown(String plan) {
        return ALL.contains(plan);
    }

    public static boolean isEntitled(String plan) {
        return ENTERPRISE.equals(plan);
    }

    /**
     * A boolean SQL expression: does the tenant in {@code tenantColumn} have webhooks? Its reported plan decides;
     * a tenant never reported takes the boolean parameter {@code defaultParameter} (see
     * {@link TenantPlans#defaultEntitled()}).
     */
    public static String entitledSql(String tenantColumn, String defaultParameter) {
        return "coalesce((select tp.plan = '" + ENTERPRISE + "' from tenant_plan tp where tp.tenant_id = "
                + tenantColumn + "), " + defaultParameter + "::boolean)";
    }
}
