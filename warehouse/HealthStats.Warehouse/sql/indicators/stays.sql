-- one row per row of marts.sum_stays_by_los: how many stays of a stay type had so many acute days, with
-- the discharge dimensions under the names indicators give them
with summary as (
    select * from marts.sum_stays_by_los
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
        stay_type,
        acute_days,
        stays
    from summary
)
select * from final
