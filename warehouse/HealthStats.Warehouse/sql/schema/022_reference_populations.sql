-- one row per population count: a (year, region, sex) age group, the denominators of rates (formats.md section 4).
-- No key: the importer rejects duplicates and overlaps, and replaces a (year, region) by delete and append in one transaction.
-- year_kind says whether year is a calendar year or a fiscal year (named by its first calendar year);
-- sex is M, F or T (total of both); age_end is null for an open top group (90+).
create table if not exists reference.populations (
    year integer not null,
    year_kind varchar not null check (year_kind in ('calendar', 'fiscal')),
    region varchar not null,
    sex varchar not null check (sex in ('M', 'F', 'T')),
    age_start integer not null,
    age_end integer,
    population bigint not null check (population >= 0),
    source varchar not null,
    imported_at timestamp not null, -- UTC
    check (age_end is null or age_end >= age_start)
);
