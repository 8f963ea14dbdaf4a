-- PERSCOM's request id of an event (the envelope's request_id), so attempt logs can be found by it; with the trace
-- id, the two ids that tie a delivery to the PERSCOM request that caused it. Partial indexes: events without them
-- cost nothing.
alter table event add column request_id varchar(128);
create index event_request_idx on event (tenant_id, request_id) where request_id is not null;
create index event_trace_idx on event (tenant_id, trace_id) where trace_id is not null;

-- The requests of an attempt that followed redirects: [{method, url, status}], null when it followed none.
alter table delivery_attempt add column redirects jsonb;
