package io.perscom.webhooks.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.perscom.webhooks.security.Scopes;

/**
 * Documents, on every API operation, the scope it needs and the problem+json errors it can answer with, so the
 * OpenAPI document tells integrators what the mappers in {@link ProblemMappers} really do.
 */
public class OpenApiProblemFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/") && !path.getKey().startsWith("/internal/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                document(path.getKey(), entry.getKey(), entry.getValue(), requiredScopes(entry.getValue()));
            }
        }
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation, String scope) {
        String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
        operation.setDescription(description + "Requires scope " + scope + ".");
        APIResponses responses = operation.getResponses();
        add(responses, "401", "Missing, invalid or expired bearer token");
        add(responses, "403", "The token lacks scope " + scope
                + (path.startsWith("/api/") ? ", a tenant_id claim, or the Enterprise plan (plan-required)"
                        : ""));
        add(responses, "500", "Unexpected failure (logged)");
        if (path.contains("{")) {
            add(responses, "404", "No such resource in the caller's tenant");
        }
        if (method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
            add(responses, "422", "Invalid fields or query parameters; one entry per field in `errors`");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.DELETE) {
            add(responses, "400", "The body is not valid JSON");
        }
        if (path.startsWith("/internal/v1/events")) {
            add(responses, "413", "The body exceeds the ingest size limit");
            add(responses, "409", "The event id belongs to another tenant's event");
        }
    }

    /**
     * The scopes of the operation's {@code @RolesAllowed} (the generator lists them in its security requirement),
     * as "`a` or `b`"; admin permissions also say that {@code manage:webhook} grants them.
     */
    private static String requiredScopes(Operation operation) {
        java.util.Set<String> scopes = new java.util.TreeSet<>();
        if (operation.getSecurity() != null) {
            operation.getSecurity().forEach(requirement -> requirement.getSchemes().values().forEach(scopes::addAll));
        }
        if (scopes.stream().anyMatch(Scopes.ADMIN_PERMISSIONS::contains)) {
            scopes.add(Scopes.MANAGE_WEBHOOK);
        }
        return scopes.stream().map(scope -> "`" + scope + "`").collect(java.util.stream.Collectors.joining(" or "));
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        responses.addAPIResponse(code, response);
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string).addProperty("message", string);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", string).addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string).addProperty("instance", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }
}
