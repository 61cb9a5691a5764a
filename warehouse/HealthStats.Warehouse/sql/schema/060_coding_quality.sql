-- coding quality: what audits decided about abstracts, the miscoding models, and their scores
create schema if not exists coding;

create sequence if not exists coding.audit_outcome_seq;

-- one row per audit outcome recorded for an abstract, imported (`healthstats labels import`) or a
-- supervisor's decision in the dashboard; the latest row of an abstract is its current outcome
create table if not exists coding.audit_outcomes (
    outcome_id bigint not null default nextval('coding.audit_outcome_seq') primary key,
    facility_id varchar not null,
    abstract_id varchar not null,
    -- the batch of the abstract version that was reviewed, when it was loaded at the time
    abstract_batch_id varchar,
    outcome varchar not null check (outcome in ('miscoded', 'correct')),
    error_type varchar,
    -- the right diagnosis codes, as code:type separated by ';' (formats.md section 3)
    corrected_codes varchar,
    reviewer_id varchar,
    reviewed_date date,
    -- 'review' for a dashboard decision, 'import:' and the file's SHA-256 for an imported file
    source varchar not null,
    recorded_at timestamp not null
);

-- one row per trained model: the registry; at most one row of each kind is current
create table if not exists coding.models (
    version varchar primary key,
    kind varchar not null check (kind in ('supervised', 'anomaly')),
    trained_at timestamp not null,
    -- the discharge dates of the abstracts it learned from
    training_from date,
    training_to date,
    training_rows bigint not null,
    training_positives bigint,
    feature_schema_hash varchar not null,
    -- holdout metrics (null for an anomaly model, which has no labels to be measured against)
    holdout_rows bigint,
    pr_auc double,
    audit_budget integer,
    precision_at_budget double,
    recall_at_budget double,
    lift_at_budget double,
    is_current boolean not null,
    -- the model file, relative to the data directory's models/ folder
    file varchar not null
);

-- one row per scored abstract: its latest score, for the abstract version (batch) that was scored
create table if not exists coding.scores (
    facility_id varchar not null,
    abstract_id varchar not null,
    batch_id varchar not null,
    score double not null,
    anomaly_score double,
    supervised_score double,
    supervised_model varchar,
    anomaly_model varchar,
    -- a JSON array of sentences a supervisor reads, most important first
    reasons varchar not null,
    scored_at timestamp not null,
    primary key (facility_id, abstract_id)
);
