package io.perscom.webhooks.tenancy.plan;

/** Body of {@code PUT /internal/v1/tenants/{tenant_id}/plan}. */
public record PlanInput(String plan) {
}
