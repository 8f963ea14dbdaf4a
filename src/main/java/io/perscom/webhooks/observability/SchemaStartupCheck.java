package io.perscom.webhooks.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Startup probe: up once the schema migrations have been applied and the database answers. */
@Startup
@ApplicationScoped
public class SchemaStartupCheck implements AsyncHealthCheck {

    private final Pool pool;

    public SchemaStartupCheck(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("select max(version::int) as version from flyway_schema_history where success").execute()
                .map(rows -> HealthCheckResponse.named("schema").up()
                        .withData("version", String.valueOf(rows.iterator().next().getValue("version"))).build())
                .onFailure().recoverWithItem(error -> HealthCheckResponse.named("schema").down()
                        .withData("error", String.valueOf(error.getMessage())).build());
    }
}
