-- Webhooks: one row per tenant endpoint. The signing secret is stored AES-GCM encrypted (see SecretCipher).
create table webhook (
    id                uuid primary key,
    tenant_id         varchar(64)   not null,
    name              varchar(255)  not null,
    description       varchar(2000),
    url               varchar(2048) not null,
    method            varchar(4)    not null check (method in ('get', 'post')),
    secret_key_id     varchar(64)   not null,
    secret_ciphertext bytea         not null,
    events            text[]        not null default '{}',
    enabled           boolean       not null default true,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null
);

-- Admin list: a tenant's webhooks, newest first.
create index webhook_tenant_created_idx on webhook (tenant_id, created_at desc, id desc);
-- Fan-out and the list's event filter: which webhooks subscribe to an event type.
create index webhook_events_idx on webhook using gin (events);
