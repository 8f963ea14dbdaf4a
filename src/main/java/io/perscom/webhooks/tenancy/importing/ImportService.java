package io.perscom.webhooks.tenancy.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.perscom.webhooks.api.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Imports a tenant's PERSCOM webhooks, then its automations (which reference them), in one transaction. Valid rows
 * are applied and refused rows reported; a dry run does the same work and rolls it back, so its answer is exactly
 * what the real run would do. Idempotent: rows are keyed on PERSCOM's ids ({@link ImportKeys}).
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** Rows of one kind per call (PERSCOM's tenants have a few dozen; the tenant limits cap them lower anyway). */
    static final int MAX_ROWS = 1000;

    private final WebhookImporter webhooks;
    private final AutomationImporter automations;

    public ImportService(WebhookImporter webhooks, AutomationImporter automations) {
        this.webhooks = webhooks;
        this.automations = automations;
    }

    public Uni<ImportReport> run(String tenantId, ImportRequest request, boolean dryRun) {
        if (request == null) {
            throw ApiException.invalid("body", "must be a JSON object with webhooks and automations arrays");
        }
        List<PerscomWebhookRow> webhookRows = rows("webhooks", request.webhooks());
        List<PerscomAutomationRow> automationRows = rows("automations", request.automations());
        return Panache.withTransaction(() -> each(webhookRows, PerscomWebhookRow::id,
                row -> webhooks.importRow(tenantId, row, dryRun))
                .flatMap(webhookResults -> each(automationRows, PerscomAutomationRow::id,
                        row -> automations.importRow(tenantId, row, dryRun))
                        .map(automationResults -> ImportReport.of(dryRun, webhookResults, automationResults)))
                .call(report -> dryRun ? Panache.currentTransaction().invoke(Mutiny.Transaction::markForRollback)
                        : Uni.createFrom().voidItem()))
                .invoke(report -> LOG.infof("%s for tenant %s: webhooks %s, automations %s",
                        dryRun ? "Import dry run" : "Import", tenantId, report.webhooksSummary(),
                        report.automationsSummary()));
    }

    private static <T> List<T> rows(String field, List<T> rows) {
        if (rows == null) {
            return List.of();
        }
        if (rows.size() > MAX_ROWS || rows.contains(null)) {
            throw ApiException.invalid(field, "must be an array of at most " + MAX_ROWS + " row objects");
        }
        return rows;
    }

    /** Imports the rows one after the other (one session); a row without an id, or a repeated id, is refused. */
    private static <T> Uni<List<RowResult>> each(List<T> rows, Function<T, Long> id,
            Function<T, Uni<RowResult>> importRow) {
        Set<Long> seen = new HashSet<>();
        Uni<List<RowResult>> chain = Uni.createFrom().item(new ArrayList<>());
        for (T row : rows) {
            Long perscomId = id.apply(row);
            chain = chain.flatMap(done -> {
                Uni<RowResult> result;
                if (perscomId == null) {
                    result = Uni.createFrom().item(RowResult.refused(null, "id", "is required (PERSCOM's id)"));
                } else if (!seen.add(perscomId)) {
                    result = Uni.createFrom().item(RowResult.refused(perscomId, "id", "appears more than once"));
                } else {
                    result = importRow.apply(row);
                }
                return result.map(one -> {
                    done.add(one);
                    return done;
                });
            });
        }
        return chain;
    }
}
