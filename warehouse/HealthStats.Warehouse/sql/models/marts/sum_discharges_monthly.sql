-- one row per discharge month, facility, residence region, 5-year age group, sex, admit category and
-- discharge disposition: discharges and days, pre-aggregated for the dashboard
with abstracts as (
    select * from marts.fct_abstracts
),
final as (
    select
        fiscal_year, fiscal_quarter, fiscal_month, discharge_month, facility_id, residence_region,
        age_group, sex, admit_category, discharge_disposition,
        count(*) as discharges,
        -- bigint, not the hugeint a sum of integers gives: summing hugeints again in every dashboard
        -- query is twenty times slower than summing bigints
        sum(los_days)::bigint as patient_days,
        sum(acute_days)::bigint as acute_days,
        sum(alc_days)::bigint as alc_days
    from abstracts
    group by all
)
select * from final
