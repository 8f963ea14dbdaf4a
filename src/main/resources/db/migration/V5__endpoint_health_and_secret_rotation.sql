-- Endpoint health: a webhook the service disabled says why; failing_since drives automatic disabling.
alter table webhook add column disabled_reason varchar(500);
alter table webhook add column failing_since timestamptz;

-- Secret rotation: the previous secret stays valid (a second webhook-signature) until it expires.
alter table webhook add column previous_secret_key_id varchar(64);
alter table webhook add column previous_secret_ciphertext bytea;
alter table webhook add column previous_secret_expires_at timestamptz;
