-- the layers of the warehouse, as schemas (see STYLE.md)
create schema if not exists reference;
create schema if not exists meta;
create schema if not exists core;
create schema if not exists marts;
