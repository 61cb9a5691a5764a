-- one row per row of marts.sum_readmissions_monthly (fiscal month of the index discharge, facility),
-- its dimensions as text under the names indicators give them
with summary as (
    select * from marts.sum_readmissions_monthly
),
final as (
    select
        strftime(discharge_month, '%Y-%m') as month,
        fiscal_year || '-' || fiscal_quarter as quarter,
        cast(fiscal_year as varchar) as fiscal_year,
        facility_id as facility,
        index_episodes, readmitted, index_episodes_followed, readmitted_followed
    from summary
)
select * from final
