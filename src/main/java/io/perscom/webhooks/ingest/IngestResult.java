package io.perscom.webhooks.ingest;

import java.util.UUID;

/** Answer to an accepted event: its id, how many deliveries were queued, and whether it had been seen before. */
public record IngestResult(UUID id, int deliveries, boolean duplicate) {
}
