-- The attempt log keeps at most webhooks.delivery.max-response-body bytes of a response body: say when it was cut,
-- and how many bytes arrived before the cut (the declared length, if any, is in response_headers).
alter table delivery_attempt
    add column response_body_truncated boolean not null default false,
    add column response_body_bytes     bigint;
