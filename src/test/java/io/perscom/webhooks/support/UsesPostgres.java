package io.perscom.webhooks.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the real-PostgreSQL test database for every @QuarkusTest of the run (one application start). */
@QuarkusTestResource(PostgresTestDatabase.class)
public final class UsesPostgres {

    private UsesPostgres() {
    }
}
