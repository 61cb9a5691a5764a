-- one row per row of marts.sum_submissions_by_batch (batch, facility), by the month the batch was loaded
with summary as (
    select * from marts.sum_submissions_by_batch
),
final as (
    select
        coalesce(strftime(completed_at, '%Y-%m'), 'unknown') as submission_month,
        facility_id as facility,
        landed, quarantined
    from summary
)
select * from final
