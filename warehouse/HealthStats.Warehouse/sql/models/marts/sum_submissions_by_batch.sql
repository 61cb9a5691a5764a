-- one row per batch and facility: the abstract records it landed (every version, whether still current
-- or not) and the records it quarantined, with the batch's completion time
with landed as (
    select batch_id, facility_id, count(*) as landed
    from staging.stg_abstract_versions
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
        coalesce(q.quarantined, 0) as quarantined
    from landed l
    full join quarantined q using (batch_id, facility_id)
    left join batches b using (batch_id)
)
select * from final
