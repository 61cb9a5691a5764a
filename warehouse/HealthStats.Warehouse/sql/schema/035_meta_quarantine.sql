-- one row per quarantined record: where it was and why, never its content (the raw record stays in
-- the owner-only quarantine file); cleared when a later batch loads or deletes the same abstract
create table if not exists meta.quarantine (
    batch_id varchar not null,
    line bigint not null,
    facility_id varchar,
    abstract_id varchar,
    rule_id varchar not null,
    field varchar not null,
    reason varchar not null,
    cleared_by_batch varchar,
    cleared_at timestamp,
    primary key (batch_id, line)
);
