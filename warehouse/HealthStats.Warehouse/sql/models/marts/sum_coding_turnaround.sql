-- one row per discharge month, facility, coder, month completed and coding turnaround (days from
-- discharge to the abstract's completion; null where no completion date was submitted): how many current
-- abstracts had them. Turnaround medians, percentiles and shares are computed from this histogram
-- instead of a scan of every abstract.
with abstracts as (
    select * from marts.fct_abstracts
),
final as (
    select
        fiscal_year, fiscal_quarter, discharge_month, facility_id, coder_id,
        date_trunc('month', abstract_completed_date)::date as completed_month,
        abstract_completed_date - discharge_date as turnaround_days,
        count(*) as abstracts
    from abstracts
    group by all
)
select * from final
