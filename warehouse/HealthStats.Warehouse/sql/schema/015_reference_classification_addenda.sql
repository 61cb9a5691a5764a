-- one row per change line of the addenda imported for a classification version, and one row per version with addenda.
-- The addenda say what changed between the previous fiscal year and the version: ClassificationSnapshot uses them to
-- answer for the year before the version's effective_from (a code deleted by the version is valid there, a code it
-- added is not). Written by HealthStats.Warehouse.Classification.ClassificationStore.ImportAddenda.

create table if not exists reference.classification_addenda_imports (
    version_id integer primary key,
    source varchar not null,
    additions integer not null,
    deletions integer not null,
    revisions integer not null,
    imported_at timestamp not null -- UTC
);

create table if not exists reference.classification_addenda (
    version_id integer not null,
    line integer not null,          -- in the addenda file
    change varchar not null check (change in ('add', 'delete', 'revise_from', 'revise_to')),
    code varchar not null,
    billable boolean not null,
    title varchar not null,
    chapter varchar,
    chapter_title varchar,
    block varchar,
    block_title varchar,
    category varchar
);
