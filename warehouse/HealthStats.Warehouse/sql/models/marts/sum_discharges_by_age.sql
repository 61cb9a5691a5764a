-- one row per discharge year (fiscal and calendar), residence region, sex and age in years: discharges,
-- the numerators of population rates, at the single ages that any population's or standard's age
-- groups can be made of
with abstracts as (
    select * from marts.fct_abstracts
),
final as (
    select
        fiscal_year,
        year(discharge_date) as calendar_year,
        residence_region,
        sex,
        age_years,
        count(*) as discharges
    from abstracts
    group by all
)
select * from final
