-- one row per current abstract: its coder and coding turnaround (discharge to abstract completed, in
-- days; null where the completion date was not submitted), with the discharge dimensions
with abstracts as (
    select discharge_month, fiscal_year, fiscal_quarter, facility_id, coder_id, discharge_date, abstract_completed_date
    from marts.fct_abstracts
),
final as (
    select
        strftime(discharge_month, '%Y-%m') as month,
        fiscal_year || '-' || fiscal_quarter as quarter,
        cast(fiscal_year as varchar) as fiscal_year,
        facility_id as facility,
        coder_id as coder,
        coalesce(strftime(abstract_completed_date, '%Y-%m'), 'not completed') as completed_month,
        abstract_completed_date - discharge_date as turnaround_days
    from abstracts
)
select * from final
