-- one row: the span of discharges the warehouse holds, for the measures that need to know how far
-- the data reaches (a readmission's 30-day follow-up is complete only up to the newest discharge)
with abstracts as (
    select discharge_date from marts.fct_abstracts
),
final as (
    select
        count(*) as abstracts,
        min(discharge_date) as oldest_discharge_date,
        max(discharge_date) as newest_discharge_date
    from abstracts
)
select * from final
