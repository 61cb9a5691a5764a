-- classification reference data: one row per classification version, one row per code in a version,
-- and the ICD-10 chapter/block ranges and ICD-10-PCS sections that codes are grouped by.
-- Written by HealthStats.Warehouse.Classification.ClassificationStore; codes are stored without dots, upper case.

create table if not exists reference.classification_versions (
    version_id integer primary key,
    kind varchar not null check (kind in ('diagnosis', 'intervention')),
    version varchar not null,
    effective_from date not null,
    effective_to date,
    source varchar not null,
    builtin boolean not null,
    code_count integer not null,
    imported_at timestamp not null, -- UTC
    unique (kind, version),
    check (effective_to is null or effective_to >= effective_from)
);

-- one row per code in a version. No key: the store rejects duplicate codes before writing, and DuckDB
-- appends far faster without an index (re-imports delete and append a whole version in one transaction).
create table if not exists reference.classification_codes (
    version_id integer not null,
    code varchar not null,
    title varchar not null,
    billable boolean not null,
    chapter varchar,
    chapter_title varchar,
    block varchar,
    block_title varchar,
    category varchar -- the first 3 characters of the code
);

-- one row per ICD-10 chapter, with its range of 3-character categories (ordinal comparison)
create table if not exists reference.icd_chapters (
    chapter varchar not null,
    title varchar not null,
    first_category varchar not null,
    last_category varchar not null,
    who_range varchar not null
);

-- one row per range of an ICD-10 block: a few ICD-10-CM blocks hold a category with a letter in third
-- place (C4A, M1A) that sorts outside their range, so such a block has more than one row
create table if not exists reference.icd_blocks (
    block varchar not null,
    title varchar not null,
    chapter varchar not null,
    first_category varchar not null,
    last_category varchar not null,
    who_block varchar
);

-- one row per ICD-10-PCS section (the first character of a code)
create table if not exists reference.pcs_sections (
    section varchar not null,
    title varchar not null
);
