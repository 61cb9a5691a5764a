-- one row per row of marts.sum_coding_turnaround: how many current abstracts of a coder had a coding
-- turnaround (discharge to abstract completed, in days; null where the completion date was not
-- submitted), with the discharge dimensions
with summary as (
    select * from marts.sum_coding_turnaround
),
final as (
    select
        strftime(discharge_month, '%Y-%m') as month,
        fiscal_year || '-' || fiscal_quarter as quarter,
        cast(fiscal_year as varchar) as fiscal_year,
        facility_id as facility,
        coder_id as coder,
        coalesce(strftime(completed_month, '%Y-%m'), 'not completed') as completed_month,
        turnaround_days,
        abstracts
    from summary
)
select * from final
