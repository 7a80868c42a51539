-- Training jobs (issue 8): a cancel request a running worker sees at its next heartbeat, the job's log
-- (one line per event, the UI shows the tail) and how many epochs the job trains.
alter table training_job add column cancel_requested boolean not null default false;
alter table training_job add column log text not null default '';
-- one queued or running job per request fingerprint (recipe + parameters): the database refuses the
-- second of two concurrent identical requests
create unique index training_job_one_open_per_request on training_job (recipe, parameters)
    where state in ('queued', 'running');
