-- AHRQ HCUP Clinical Classifications Software Refined (CCSR) for ICD-10-CM diagnoses, as imported by
-- `healthstats reference import-ccsr`. Empty until a site imports a CCSR file: the marts' CCSR
-- columns are null then. An import replaces all three tables in one transaction.

-- one row per import (at most one: the CCSR version in use)
create table if not exists reference.ccsr_versions (
    version varchar not null,
    source varchar not null,
    code_count integer not null,
    category_count integer not null,
    imported_at timestamp not null -- UTC
);

-- one row per CCSR category
create table if not exists reference.ccsr_categories (
    ccsr_category varchar primary key,
    description varchar not null
);

-- one row per diagnosis code and CCSR category it maps to (the long form of DX_to_CCSR_Mapping):
-- default flags Y (the code's default category), N (not the default), X (no default: the code is not
-- acceptable as a principal diagnosis in that setting). Codes without dots, upper case.
create table if not exists reference.ccsr_diagnoses (
    code varchar not null,
    ccsr_category varchar not null,
    inpatient_default varchar not null check (inpatient_default in ('Y', 'N', 'X')),
    outpatient_default varchar not null check (outpatient_default in ('Y', 'N', 'X')),
    primary key (code, ccsr_category)
);
