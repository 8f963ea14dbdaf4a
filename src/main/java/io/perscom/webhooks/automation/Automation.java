package io.perscom.webhooks.automation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant's automation: on {@code trigger}, if {@code condition} holds, send the rendered template. */
@Entity
@Table(name = "automation")
public class Automation {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public String trigger;

    public String condition;

    @Column(name = "webhook_id", nullable = false)
    public UUID webhookId;

    /** JSON object text as the admin wrote it. */
    @Column(name = "webhook_payload_template", nullable = false)
    public String webhookPayloadTemplate;

    @Column(nullable = false)
    public boolean enabled;

    @Column(nullable = false)
    public int priority;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
