-- one row per discharge month, facility and diagnosis code: how often the code was coded over all
-- diagnosis types and as the MRDx, pre-aggregated for the dashboard
with diagnoses as (
    select * from marts.fct_diagnoses
),
final as (
    select
        fiscal_year,
        (month(discharge_date) + 8) % 12 + 1 as fiscal_month,
        date_trunc('month', discharge_date)::date as discharge_month,
        facility_id, chapter, block, category, code,
        count(*) as diagnoses,
        count(*) filter (where type = 'M') as as_mrdx
    from diagnoses
    group by all
)
select * from final
