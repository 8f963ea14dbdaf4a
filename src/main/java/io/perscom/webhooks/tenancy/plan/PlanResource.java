package io.perscom.webhooks.tenancy.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.security.Scopes;
import io.perscom.webhooks.tenancy.TenantIds;
import io.smallrye.mutiny.Uni;

/** Internal API: PERSCOM reports each tenant's subscription plan (service account with {@code manage:tenant}). */
@Tag(name = "Tenants (internal)", description = "Used by PERSCOM's service account: plans and imports.")
@Path("/internal/v1/tenants/{tenant_id}/plan")
@RolesAllowed(Scopes.MANAGE_TENANT)
public class PlanResource {

    @Inject
    TenantPlans plans;

    @GET
    @Operation(summary = "The tenant's plan as applied (the configured default while PERSCOM has not reported it)")
    public Uni<TenantPlanView> get(@PathParam("tenant_id") String tenantId) {
        return plans.find(TenantIds.require(tenantId));
    }

    @PUT
    @Operation(summary = "Report the tenant's plan; without Enterprise delivery pauses (nothing is deleted), "
            + "with it delivery resumes")
    public Uni<TenantPlanView> report(@PathParam("tenant_id") String tenantId, PlanInput input) {
        String tenant = TenantIds.require(tenantId);
        if (input == null || input.plan() == null || !Plans.isKnown(input.plan())) {
            throw ApiException.invalid("plan", "must be one of " + String.join(", ", Plans.ALL));
        }
        return plans.report(tenant, input.plan());
    }
}
