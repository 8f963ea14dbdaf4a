-- Time-ordered UUIDs (version 7) made by the database, for rows inserted by set-based statements (fan-out).
-- PostgreSQL 18 has uuidv7(); this is the same layout for older servers.
create or replace function uuid_generate_v7() returns uuid as $$
    select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
        from 1 for 6), 52, 1), 53, 1), 'hex')::uuid;
$$ language sql volatile;

-- Events accepted from PERSCOM. The payload is rendered once at ingest (the exact bytes every endpoint receives) and
-- kept for attempt logs and redelivery until retention prunes it.
create table event (
    id          uuid primary key,
    tenant_id   varchar(64)  not null,
    type        varchar(64)  not null,
    payload     text         not null,
    accepted_at timestamptz  not null
);
create index event_accepted_idx on event (accepted_at);

-- One delivery per (event, webhook): the durable outbox and the queue of due work. A replica owns a delivery while
-- lease_until is in the future; an expired lease (crashed replica) makes it claimable again.
create table delivery (
    id              uuid primary key,
    tenant_id       varchar(64)  not null,
    event_id        uuid         not null references event (id) on delete cascade,
    webhook_id      uuid         not null references webhook (id) on delete cascade,
    event_type      varchar(64)  not null,
    -- The Standard Webhooks message id: the event id for a plain fan-out, kept by redeliveries.
    message_id      uuid         not null,
    -- Set when the body differs from the event's payload (test events, automations); null means event.payload.
    payload         text,
    status          varchar(16)  not null check (status in ('pending', 'succeeded', 'failed')),
    attempts        integer      not null default 0,
    max_attempts    integer      not null,
    next_attempt_at timestamptz  not null,
    lease_owner     varchar(64),
    lease_until     timestamptz,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
-- The due queue: only pending rows are indexed, so the claim query stays cheap however many deliveries are done.
create index delivery_due_idx on delivery (next_attempt_at) where status = 'pending';
create index delivery_event_idx on delivery (event_id);
create index delivery_webhook_idx on delivery (webhook_id);

-- Every attempt, as admins see it in the logs API.
create table delivery_attempt (
    id               uuid primary key,
    tenant_id        varchar(64)  not null,
    delivery_id      uuid         not null references delivery (id) on delete cascade,
    webhook_id       uuid         not null,
    event_id         uuid         not null,
    event_type       varchar(64)  not null,
    attempt          integer      not null,
    method           varchar(4)   not null,
    url              varchar(8192) not null,
    request_headers  jsonb        not null,
    response_status  integer,
    response_reason  varchar(255),
    response_headers jsonb,
    response_body    text,
    duration_ms      integer      not null,
    error_kind       varchar(32),
    error_message    varchar(1000),
    outcome          varchar(16)  not null check (outcome in ('succeeded', 'retrying', 'failed', 'deferred')),
    next_attempt_at  timestamptz,
    created_at       timestamptz  not null
);
create index delivery_attempt_webhook_idx on delivery_attempt (webhook_id, created_at desc, id desc);
create index delivery_attempt_created_idx on delivery_attempt (created_at);
create index delivery_attempt_delivery_idx on delivery_attempt (delivery_id);
