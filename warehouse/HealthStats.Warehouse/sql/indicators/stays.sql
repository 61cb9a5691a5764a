-- one row per current abstract: its acute days and whether the stay is typical, with the discharge dimensions
--
-- Atypical stays (after CIHI's typical/atypical split) end in death (disposition 07), a sign-out against
-- advice (06), or a transfer: to acute care (01), or from or to another institution as coded.
with abstracts as (
    select
        discharge_month, fiscal_year, fiscal_quarter, facility_id, residence_region, age_group, sex,
        admit_category, discharge_disposition, institution_from, institution_to, acute_days
    from marts.fct_abstracts
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
        case
            when discharge_disposition in ('01', '06', '07') or institution_from is not null or institution_to is not null then 'atypical'
            else 'typical'
        end as stay_type,
        acute_days
    from abstracts
)
select * from final
