package io.perscom.webhooks.tenancy.plan;

import java.time.OffsetDateTime;

/**
 * A tenant's plan as this service applies it. {@code reported} is false while PERSCOM has not reported it (the
 * configured default applies; {@code updated_at} is then null).
 */
public record TenantPlanView(String tenantId, String plan, boolean entitled, boolean reported,
        OffsetDateTime updatedAt) {
}
