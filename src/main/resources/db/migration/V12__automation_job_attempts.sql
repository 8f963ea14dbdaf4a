-- How many times an event's automation job was claimed after its lease ran out (its run failed or its replica
-- died). Past webhooks.automation.max-job-attempts the job is given up with a failed log per automation.
alter table automation_job add column attempts integer not null default 0;
