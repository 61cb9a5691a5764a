-- fails: an abstract of the marts that is not its key's current version, or a current version missing from
-- the marts (the build may take a shortcut to the current versions: see StagedBuild.SqlOf)
with marts as (
    select facility_id, abstract_id, batch_id, source_line from marts.fct_abstracts
),
current_versions as (
    select facility_id, abstract_id, batch_id, source_line from intermediate.int_abstracts_current
)
(select 'not current' as problem, * from (select * from marts except all select * from current_versions))
union all
(select 'missing' as problem, * from (select * from current_versions except all select * from marts))
