-- The core "tables" are views over the lake's Parquet files (CoreViews): the lake is the source of truth,
-- and its rows are not copied into this file. Each view is its _shape table (typed, empty: it gives the
-- view its columns and types, and keeps the view valid while the lake has no files) union the lake files
-- of committed and in-flight batches.

-- one row per landed abstract version (every batch's rows, before resubmissions and deletions apply)
create table if not exists core.abstract_versions_shape (
    batch_id varchar not null,
    batch_seq integer not null,
    source_line bigint not null,
    facility_id varchar not null,
    abstract_id varchar not null,
    patient_key varchar not null,
    chart_key varchar not null,
    sex varchar not null,
    age_years integer not null,
    age_group varchar not null,
    fsa varchar,
    residence_region varchar,
    admit_date date not null,
    admit_time varchar,
    discharge_date date not null,
    discharge_time varchar,
    los_days integer not null,
    fiscal_year integer not null,
    admit_category varchar not null,
    discharge_disposition varchar not null,
    institution_from varchar,
    institution_to varchar,
    alc_days integer not null,
    coder_id varchar not null,
    abstract_completed_date date,
    mrdx_code varchar not null,
    mrdx_chapter varchar,
    mrdx_block varchar,
    diagnosis_count integer not null,
    intervention_count integer not null
);

-- one row per diagnosis of a landed abstract version
create table if not exists core.diagnosis_versions_shape (
    batch_id varchar not null,
    facility_id varchar not null,
    abstract_id varchar not null,
    seq integer not null,
    code varchar not null,
    type varchar not null,
    chapter varchar,
    block varchar,
    fiscal_year integer not null
);

-- one row per intervention of a landed abstract version
create table if not exists core.intervention_versions_shape (
    batch_id varchar not null,
    facility_id varchar not null,
    abstract_id varchar not null,
    seq integer not null,
    code varchar not null,
    intervention_date date not null,
    chapter varchar,
    block varchar,
    fiscal_year integer not null
);

-- one row per warning recorded against a landed abstract version
create table if not exists core.warning_versions_shape (
    batch_id varchar not null,
    facility_id varchar not null,
    abstract_id varchar not null,
    rule_id varchar not null,
    field varchar not null,
    message varchar not null,
    fiscal_year integer not null
);

-- one row per deletion (action D) a batch asked for
create table if not exists core.deletions_shape (
    batch_id varchar not null,
    batch_seq integer not null,
    source_line bigint not null,
    facility_id varchar not null,
    abstract_id varchar not null
);
