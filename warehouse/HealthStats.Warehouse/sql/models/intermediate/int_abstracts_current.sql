-- one row per current abstract: the latest version of each (facility_id, abstract_id), deletions applied
--
-- A version's order is its batch's sequence, then its line in the file, as one number: the newest
-- version and the newest deletion of each abstract are maxima (a hash aggregate of two keys and a
-- number, which spills to disk at 10 million abstracts), and the versions kept are found again by that
-- number alone, where a window over whole versions sorted every column.
with versions as (
    select * from staging.stg_abstract_versions
),
deletions as (
    select * from staging.stg_deletions
),
latest_versions as (
    select facility_id, abstract_id, max(batch_seq::bigint * 4294967296 + source_line) as version_order
    from versions
    group by facility_id, abstract_id
),
latest_deletions as (
    select facility_id, abstract_id, max(batch_seq::bigint * 4294967296 + source_line) as deletion_order
    from deletions
    group by facility_id, abstract_id
),
current_versions as (
    select v.version_order
    from latest_versions v
    left join latest_deletions d using (facility_id, abstract_id)
    where d.deletion_order is null or d.deletion_order < v.version_order
),
final as (
    select v.*
    from versions v
    semi join current_versions c on c.version_order = v.batch_seq::bigint * 4294967296 + v.source_line
)
select * from final
