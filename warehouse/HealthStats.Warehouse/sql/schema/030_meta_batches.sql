-- one row per batch (an ingested file), identified by the file's SHA-256: lineage and reconciliation
create table if not exists meta.batches (
    batch_id varchar primary key,
    batch_seq integer not null,
    file_name varchar not null,
    file_sha256 varchar not null unique,
    source_format varchar not null,
    started_at timestamp not null,
    completed_at timestamp not null,
    received integer not null,
    loaded integer not null,
    replaced integer not null,
    deleted integer not null,
    quarantined integer not null,
    warnings integer not null,
    quarantine_cleared integer not null,    -- earlier quarantined records this batch corrected
    quarantined_by_reason varchar not null, -- JSON object: rule id -> count
    warnings_by_rule varchar not null       -- JSON object: rule id -> count
);
