-- one row per facility that has submitted: its current abstracts and its last submission
with abstracts as (
    select facility_id, count(*) as abstracts, min(discharge_date) as first_discharge, max(discharge_date) as last_discharge
    from marts.fct_abstracts
    group by facility_id
),
submissions as (
    select v.facility_id, max(b.completed_at) as last_submission
    from staging.stg_abstract_versions v
    join meta.batches b using (batch_id)
    group by v.facility_id
),
final as (
    select s.facility_id, coalesce(a.abstracts, 0) as abstracts, a.first_discharge, a.last_discharge, s.last_submission
    from submissions s
    left join abstracts a using (facility_id)
)
select * from final
