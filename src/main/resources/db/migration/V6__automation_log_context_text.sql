-- Contexts are kept as the JSON text they were evaluated with: jsonb refuses \u0000 escapes, which event data may hold.
alter table automation_log alter column context type text using context::text;
