package io.perscom.webhooks.tenancy.importing;

import java.util.List;
import java.util.UUID;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.api.FieldError;

/**
 * What the import did (or, in a dry run, would do) with one PERSCOM row: {@code created}, {@code updated},
 * {@code unchanged} or {@code refused} (with the admin API's field errors). {@code id} is this service's id of the
 * row (null when refused, and for creations in a dry run).
 */
public record RowResult(Long perscomId, String result, UUID id, String detail, List<FieldError> errors) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String UNCHANGED = "unchanged";
    public static final String REFUSED = "refused";

    static RowResult of(Long perscomId, String result, UUID id) {
        return new RowResult(perscomId, result, id, null, List.of());
    }

    static RowResult refused(Long perscomId, String field, String message) {
        return new RowResult(perscomId, REFUSED, null, "The row is not valid.",
                List.of(new FieldError(field, message)));
    }

    static RowResult refused(Long perscomId, ApiException refusal) {
        List<FieldError> errors = refusal.problem().errors();
        return new RowResult(perscomId, REFUSED, null, refusal.problem().detail(),
                errors == null ? List.of() : errors);
    }
}
