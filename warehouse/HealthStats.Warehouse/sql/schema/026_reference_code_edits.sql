-- Coding edit tables (as CMS's Medicare Code Editor lists them): which codes are for one sex, one age
-- range, or not acceptable as the most responsible diagnosis. Written by
-- HealthStats.Warehouse.CodeEdits.CodeEditStore: `healthstats reference import-edits`, and the built-in
-- starter set. Codes are stored without dots, upper case, as the classification stores them.

-- one row per import of an edit table (a version): for each edit type it holds, the import in force at a
-- discharge date is the latest effective_from on or before it, imported ones before the built-in starter
create table if not exists reference.code_edit_imports (
    import_id integer primary key,
    version varchar not null unique,
    format varchar not null check (format in ('mce', 'csv', 'starter')),
    source varchar not null,
    effective_from date not null,
    builtin boolean not null,
    edit_types varchar not null, -- the edit types the import holds, comma separated: only those it supersedes
    edit_count integer not null,
    skipped_count integer not null, -- MCE rows of edits HealthStats does not run (coverage edits)
    imported_at timestamp not null -- UTC
);

-- one row per code of an edit type in an import, with the discharge dates it applies to
create table if not exists reference.code_edits (
    import_id integer not null,
    edit_type varchar not null,
    code_kind varchar not null check (code_kind in ('diagnosis', 'intervention')),
    code varchar not null,
    effective_from date not null,
    effective_to date,
    check (effective_to is null or effective_to >= effective_from)
);
