-- Rows imported from PERSCOM (POST /internal/v1/tenants/{tenant_id}/import): PERSCOM's id of each webhook and
-- automation and the row it became here, so importing again updates instead of duplicating. Deleting the row here
-- drops its key; the next import creates it again.
create table perscom_import (
    tenant_id     varchar(64) not null,
    kind          varchar(16) not null check (kind in ('webhook', 'automation')),
    perscom_id    bigint      not null,
    webhook_id    uuid references webhook (id) on delete cascade,
    automation_id uuid references automation (id) on delete cascade,
    imported_at   timestamptz not null,
    primary key (tenant_id, kind, perscom_id),
    check ((kind = 'webhook') = (webhook_id is not null) and (kind = 'automation') = (automation_id is not null))
);
