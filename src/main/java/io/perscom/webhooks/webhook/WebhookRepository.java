package io.perscom.webhooks.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

    /** Filters of the admin list; null means no filter. */
    public record ListFilter(String event, Boolean enabled) {
    }

    public record ListResult(List<Webhook> items, long total) {
    }

    public Uni<Webhook> findForTenant(String tenantId, UUID id) {
        return find("tenantId = :tenant and id = :id", Parameters.with("tenant", tenantId).and("id", id))
                .firstResult();
    }

    public Uni<ListResult> list(String tenantId, ListFilter filter, PageRequest page) {
        List<String> clauses = new ArrayList<>(List.of("tenantId = :tenant"));
        Parameters params = Parameters.with("tenant", tenantId);
        if (filter.event() != null) {
            clauses.add("array_contains(events, :event)");
            params.and("event", filter.event());
        }
        if (filter.enabled() != null) {
            clauses.add("enabled = :enabled");
            params.and("enabled", filter.enabled());
        }
        String where = String.join(" and ", clauses);
        var query = find(where, Sort.descending("createdAt", "id"), params)
                .page(Page.of(page.page() - 1, page.limit()));
        return query.list().flatMap(items -> count(where, params).map(total -> new ListResult(items, total)));
    }
}
