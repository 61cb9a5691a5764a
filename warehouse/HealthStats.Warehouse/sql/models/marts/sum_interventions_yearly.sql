-- one row per fiscal year, facility and intervention code: how often the code was coded, pre-aggregated
-- for the top interventions (an intervention's own date, not the discharge, can fall in another month)
with interventions as (
    select * from marts.fct_interventions
),
final as (
    select
        fiscal_year, facility_id, chapter, block, code,
        count(*) as interventions
    from interventions
    group by all
)
select * from final
