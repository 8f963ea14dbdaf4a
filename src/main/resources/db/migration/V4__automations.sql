-- Automations: on an event of type "trigger", if "condition" holds, send the rendered template through a webhook.
create table automation (
    id                       uuid primary key,
    tenant_id                varchar(64)   not null,
    name                     varchar(255)  not null,
    description              varchar(2000),
    trigger                  varchar(64)   not null,
    condition                varchar(2000),
    webhook_id               uuid          not null references webhook (id) on delete cascade,
    -- The JSON object template as the admin wrote it (text keeps the key order).
    webhook_payload_template text          not null,
    enabled                  boolean       not null default true,
    priority                 integer       not null default 0,
    created_at               timestamptz   not null,
    updated_at               timestamptz   not null
);
create index automation_trigger_idx on automation (tenant_id, trigger, priority) where enabled;
create index automation_tenant_created_idx on automation (tenant_id, created_at desc, id desc);

-- Outbox of automation work: one row per accepted event whose tenant has enabled automations for its type, written
-- in the ingest transaction; deleted in the transaction that stores the automations' deliveries and logs.
create table automation_job (
    event_id    uuid primary key references event (id) on delete cascade,
    tenant_id   varchar(64)  not null,
    event_type  varchar(64)  not null,
    context     text         not null,
    lease_owner varchar(64),
    lease_until timestamptz,
    created_at  timestamptz  not null
);

create table automation_log (
    id               uuid primary key,
    tenant_id        varchar(64)  not null,
    automation_id    uuid         not null references automation (id) on delete cascade,
    event_id         uuid         not null,
    status           varchar(16)  not null check (status in ('condition_failed', 'executed', 'failed')),
    condition        varchar(2000),
    condition_result boolean,
    context          jsonb        not null,
    rendered_payload text,
    error            varchar(2000),
    execution_ms     integer      not null,
    delivery_id      uuid,
    created_at       timestamptz  not null
);
create index automation_log_automation_idx on automation_log (automation_id, created_at desc, id desc);
create index automation_log_created_idx on automation_log (created_at);

-- Deliveries an automation caused carry its id (header X-Perscom-Automation-Id, loop guard).
alter table delivery add column automation_id uuid;
