-- one row per discharge month, facility, 5-year age group, sex and Charlson comorbidity index:
-- discharges, pre-aggregated for the index's distribution
with abstracts as (
    select * from marts.fct_abstracts
),
final as (
    select
        fiscal_year, fiscal_quarter, fiscal_month, discharge_month, facility_id,
        age_group, sex, charlson_index,
        count(*) as discharges
    from abstracts
    group by all
)
select * from final
