-- one row per current abstract: the latest version of each (facility_id, abstract_id), deletions applied
with versions as (
    select * from staging.stg_abstract_versions
),
deletions as (
    select * from staging.stg_deletions
),
events as (
    select facility_id, abstract_id, batch_id, batch_seq, source_line, false as is_deletion
    from versions
    union all
    select facility_id, abstract_id, batch_id, batch_seq, source_line, true as is_deletion
    from deletions
),
latest as (
    select *
    from events
    qualify row_number() over (partition by facility_id, abstract_id order by batch_seq desc, source_line desc) = 1
),
final as (
    select v.*
    from latest l
    join versions v using (facility_id, abstract_id, batch_id)
    where not l.is_deletion
)
select * from final
