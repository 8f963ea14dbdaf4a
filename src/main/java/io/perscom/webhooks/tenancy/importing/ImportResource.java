package io.perscom.webhooks.tenancy.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.perscom.webhooks.api.QueryParams;
import io.perscom.webhooks.api.Validation;
import io.perscom.webhooks.security.Scopes;
import io.perscom.webhooks.tenancy.TenantIds;
import io.smallrye.mutiny.Uni;

/** Internal API: moves a tenant's webhooks and automations over from PERSCOM (service account, manage:tenant). */
@Tag(name = "Tenants (internal)", description = "Used by PERSCOM's service account: plans and imports.")
@Path("/internal/v1/tenants/{tenant_id}/import")
@RolesAllowed(Scopes.MANAGE_TENANT)
public class ImportResource {

    @Inject
    ImportService service;

    @POST
    @Operation(summary = "Import PERSCOM's webhook and automation rows (idempotent on PERSCOM's ids; secrets kept); "
            + "valid rows are applied, refused ones reported with field errors; ?dry_run=true changes nothing")
    public Uni<ImportReport> importRows(@PathParam("tenant_id") String tenantId,
            @QueryParam("dry_run") String dryRun, ImportRequest request) {
        String tenant = TenantIds.require(tenantId);
        Validation validation = new Validation();
        Boolean dry = QueryParams.parseBoolean("dry_run", dryRun, validation);
        validation.throwIfInvalid();
        return service.run(tenant, request, Boolean.TRUE.equals(dry));
    }
}
