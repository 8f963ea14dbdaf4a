package io.perscom.webhooks.tenancy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** The columns every tenant's admin-managed row has: its id, owner, name, on/off switch and timestamps. */
@MappedSuperclass
public abstract class TenantOwnedEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
