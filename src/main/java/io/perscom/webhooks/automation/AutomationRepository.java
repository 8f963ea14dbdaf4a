package io.perscom.webhooks.automation;

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
public class AutomationRepository implements PanacheRepositoryBase<Automation, UUID> {

    public record ListResult(List<Automation> items, long total) {
    }

    public Uni<Automation> findForTenant(String tenantId, UUID id) {
        return find("tenantId = :tenant and id = :id", Parameters.with("tenant", tenantId).and("id", id))
                .firstResult();
    }

    public Uni<ListResult> list(String tenantId, String trigger, PageRequest page) {
        String where = trigger == null ? "tenantId = :tenant" : "tenantId = :tenant and trigger = :trigger";
        Parameters params = Parameters.with("tenant", tenantId);
        if (trigger != null) {
            params.and("trigger", trigger);
        }
        return find(where, Sort.ascending("priority").and("createdAt"), params)
                .page(Page.of(page.page() - 1, page.limit())).list()
                .flatMap(items -> count(where, params).map(total -> new ListResult(items, total)));
    }
}
