package io.perscom.webhooks.tenancy.importing;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Which of this service's rows each imported PERSCOM row became (table {@code perscom_import}), so a second import
 * updates instead of duplicating. Runs in the import's transaction; a row deleted here drops its key (cascade).
 */
@ApplicationScoped
public class ImportKeys {

    /** The kinds of rows imported, each with the column that holds this service's id. */
    public enum Kind {
        WEBHOOK("webhook_id"), AUTOMATION("automation_id");

        private final String column;

        Kind(String column) {
            this.column = column;
        }

        String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** This service's id of PERSCOM's row, or null when it was never imported (or deleted since). */
    public Uni<UUID> find(String tenantId, Kind kind, long perscomId) {
        String sql = "select " + kind.column + " from perscom_import"
                + " where tenant_id = :tenant and kind = :kind and perscom_id = :perscom";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql, UUID.class)
                .setParameter("tenant", tenantId).setParameter("kind", kind.sqlName())
                .setParameter("perscom", perscomId).getSingleResultOrNull());
    }

    /** Records that PERSCOM's row is {@code id} here (after flushing, so the row it references exists). */
    public Uni<Void> remember(String tenantId, Kind kind, long perscomId, UUID id) {
        String sql = "insert into perscom_import (tenant_id, kind, perscom_id, " + kind.column + ", imported_at)"
                + " values (:tenant, :kind, :perscom, :id, now())"
                + " on conflict (tenant_id, kind, perscom_id) do update set " + kind.column + " = excluded."
                + kind.column + ", imported_at = now()";
        return Panache.getSession().flatMap(session -> session.flush().chain(() -> session.createNativeQuery(sql)
                .setParameter("tenant", tenantId).setParameter("kind", kind.sqlName())
                .setParameter("perscom", perscomId).setParameter("id", id).executeUpdate())).replaceWithVoid();
    }
}
