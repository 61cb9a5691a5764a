-- one row per discharge month, facility, residence region, 5-year age group, sex, admit category,
-- discharge disposition, stay type and acute days: how many stays had them. Length-of-stay means and
-- medians are computed from this histogram (a few hundred acute-day values) instead of a scan of every
-- abstract, which at 10 million abstracts takes most of a second.
--
-- Atypical stays (after CIHI's typical/atypical split) end in death (disposition 07), a sign-out against
-- advice (06), or a transfer: to acute care (01), or from or to another institution as coded.
with abstracts as (
    select * from marts.fct_abstracts
),
final as (
    select
        fiscal_year, fiscal_quarter, discharge_month, facility_id, residence_region,
        age_group, sex, admit_category, discharge_disposition,
        case
            when discharge_disposition in ('01', '06', '07') or institution_from is not null or institution_to is not null then 'atypical'
            else 'typical'
        end as stay_type,
        acute_days,
        count(*) as stays
    from abstracts
    group by all
)
select * from final
