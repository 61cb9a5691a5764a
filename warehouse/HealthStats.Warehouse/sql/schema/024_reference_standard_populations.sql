-- one row per age group of a standard population used for direct age standardisation (formats.md section 5),
-- stored under a short name (e.g. CAN2011); age_end is null for an open top group
create table if not exists reference.standard_populations (
    name varchar not null,
    age_start integer not null,
    age_end integer,
    population double not null check (population >= 0),
    description varchar not null, -- the standard's name in its file, e.g. 2011 Canadian Standard Population (19 age groups)
    source varchar not null,
    imported_at timestamp not null, -- UTC
    check (age_end is null or age_end >= age_start)
);
