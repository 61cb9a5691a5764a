-- one row per batch and facility: the abstract records it landed (every version, whether still current
-- or not), the deletions it asked for and the records it quarantined, with the batch's completion time
with landed as (
    select batch_id, facility_id, count(*) as landed
    from staging.stg_abstract_versions
    group by all
),
deleted as (
    select batch_id, facility_id, count(*) as deleted
    from staging.stg_deletions
    group by all
),
quarantined as (
    select batch_id, coalesce(facility_id, 'unknown') as facility_id, count(*) as quarantined
    from meta.quarantine
    group by all
),
batches as (
    select batch_id, completed_at from meta.batches
),
final as (
    select
        batch_id, facility_id, b.completed_at,
        coalesce(l.landed, 0) as landed,
        coalesce(d.deleted, 0) as deleted,
        coalesce(q.quarantined, 0) as quarantined
    from landed l
    full join deleted d using (batch_id, facility_id)
    full join quarantined q using (batch_id, facility_id)
    left join batches b using (batch_id)
)
select * from final
