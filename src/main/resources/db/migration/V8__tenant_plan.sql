-- The subscription plan PERSCOM reports for each tenant (PUT /internal/v1/tenants/{tenant_id}/plan). Webhooks are an
-- Enterprise feature: without it the admin API answers 403, events create no deliveries and queued deliveries wait.
-- Tenants without a row take webhooks.tenancy.default-plan.
create table tenant_plan (
    tenant_id  varchar(64) primary key,
    plan       varchar(32) not null,
    updated_at timestamptz not null
);
