-- one row per row of marts.sum_charlson_monthly (discharge month, facility, age group, sex, Charlson
-- index), its dimensions under the names indicators give them; the index stays a number so that it sorts as one
with summary as (
    select * from marts.sum_charlson_monthly
),
final as (
    select
        strftime(discharge_month, '%Y-%m') as month,
        fiscal_year || '-' || fiscal_quarter as quarter,
        cast(fiscal_year as varchar) as fiscal_year,
        facility_id as facility,
        age_group,
        sex,
        charlson_index as charlson,
        discharges
    from summary
)
select * from final
