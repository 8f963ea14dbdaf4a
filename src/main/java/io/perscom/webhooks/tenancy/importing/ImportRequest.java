package io.perscom.webhooks.tenancy.importing;

import java.util.List;

/** Body of the import: a tenant's rows of PERSCOM's {@code webhooks} and {@code automations} tables, as JSON. */
public record ImportRequest(List<PerscomWebhookRow> webhooks, List<PerscomAutomationRow> automations) {
}
