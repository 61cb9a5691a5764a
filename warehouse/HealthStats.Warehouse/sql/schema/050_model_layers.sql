-- the model layers below the marts (see STYLE.md "SQL is a first-class citizen"): seed tables loaded
-- from embedded code lists, staging views over core and reference (rename and cast only), and the
-- intermediate tables that joins and derivations build for the marts. MartBuild recreates their
-- contents in every batch's transaction.
create schema if not exists seeds;
create schema if not exists staging;
create schema if not exists intermediate;
