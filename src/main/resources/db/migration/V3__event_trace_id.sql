-- PERSCOM's trace id of an event, kept next to the payload so every log line about its deliveries can carry it.
alter table event add column trace_id varchar(128);
