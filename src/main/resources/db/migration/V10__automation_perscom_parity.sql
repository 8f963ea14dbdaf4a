-- PERSCOM parity for automations (docs/automations.md).

-- PERSCOM runs a trigger's automations highest priority first. Rows saved under the earlier rule (lowest first)
-- keep their order by negating their priority.
update automation set priority = -priority;
drop index automation_trigger_idx;
create index automation_trigger_idx on automation (tenant_id, trigger, priority desc, created_at) where enabled;

-- Deleting a webhook leaves its automations in place without one (PERSCOM nulls the reference); such an automation
-- logs a failed run until it is given a webhook again.
alter table automation alter column webhook_id drop not null;
alter table automation drop constraint automation_webhook_id_fkey;
alter table automation add constraint automation_webhook_id_fkey
    foreign key (webhook_id) references webhook (id) on delete set null;

-- A blank template sends the model itself as the event's data.
alter table automation alter column webhook_payload_template drop not null;

-- How template strings render: 'perscom' (Twig with HTML autoescaping, every rendered value a string, a syntax
-- error keeps the raw string) is the default; 'typed' (no escaping, a string that is one {{ expression }} keeps the
-- value's JSON type) is what rows saved before this migration used, so they keep it.
alter table automation add column render_mode varchar(16) not null default 'perscom'
    check (render_mode in ('perscom', 'typed'));
update automation set render_mode = 'typed';

-- Automation logs say why a run failed in a closed vocabulary as attempt logs do (error_kind).
alter table automation_log add column error_kind varchar(32);
