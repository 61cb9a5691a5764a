-- one row per row of marts.sum_discharges_monthly (discharge month, facility, residence region, age group,
-- sex, admit category, disposition), its dimensions as text under the names indicators give them
with summary as (
    select * from marts.sum_discharges_monthly
),
final as (
    select
        strftime(discharge_month, '%Y-%m') as month,
        fiscal_year || '-' || fiscal_quarter as quarter,
        cast(fiscal_year as varchar) as fiscal_year,
        facility_id as facility,
        coalesce(residence_region, 'unknown') as region,
        age_group,
        sex,
        admit_category,
        discharge_disposition as disposition,
        discharges, patient_days, acute_days, alc_days
    from summary
)
select * from final
