-- one row per code of a site's code list (admit categories, dispositions, diagnosis types, sexes)
create table if not exists reference.code_lists (
    list varchar not null,
    code varchar not null,
    title varchar not null,
    primary key (list, code)
);
