package io.perscom.webhooks.automation;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.perscom.webhooks.tenancy.TenantOwnedEntity;

/** A tenant's automation: on {@code trigger}, if {@code condition} holds, send the rendered template as the data. */
@Entity
@Table(name = "automation")
public class Automation extends TenantOwnedEntity {

    @Column(nullable = false)
    public String trigger;

    public String condition;

    /** Null once the webhook was deleted: the automation stays, and its runs fail until it gets a webhook. */
    @Column(name = "webhook_id")
    public UUID webhookId;

    /** JSON object text as the admin wrote it; null sends the model itself as the event's data. */
    @Column(name = "webhook_payload_template")
    public String webhookPayloadTemplate;

    /** {@link RenderMode#column()}. */
    @Column(name = "render_mode", nullable = false)
    public String renderMode;

    @Column(nullable = false)
    public int priority;
}
