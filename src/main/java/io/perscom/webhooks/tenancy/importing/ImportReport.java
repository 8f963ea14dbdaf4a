package io.perscom.webhooks.tenancy.importing;

import java.util.List;

/** Answer of an import: one result per row, in the order given, and how many of each kind. */
public record ImportReport(boolean dryRun, Summary webhooksSummary, Summary automationsSummary,
        List<RowResult> webhooks, List<RowResult> automations) {

    public record Summary(long created, long updated, long unchanged, long refused) {

        static Summary of(List<RowResult> rows) {
            return new Summary(count(rows, RowResult.CREATED), count(rows, RowResult.UPDATED),
                    count(rows, RowResult.UNCHANGED), count(rows, RowResult.REFUSED));
        }

        private static long count(List<RowResult> rows, String result) {
            return rows.stream().filter(row -> row.result().equals(result)).count();
        }
    }

    static ImportReport of(boolean dryRun, List<RowResult> webhooks, List<RowResult> automations) {
        return new ImportReport(dryRun, Summary.of(webhooks), Summary.of(automations), webhooks, automations);
    }
}
