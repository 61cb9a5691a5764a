-- one row per row of marts.sum_coding_quality_monthly (discharge month, facility, coder), its
-- dimensions under the names indicators give them
with summary as (
    select * from marts.sum_coding_quality_monthly
),
final as (
    select
        strftime(discharge_month, '%Y-%m') as month,
        fiscal_year || '-' || fiscal_quarter as quarter,
        cast(fiscal_year as varchar) as fiscal_year,
        facility_id as facility,
        coder_id as coder,
        abstracts, abstracts_with_warnings, warnings
    from summary
)
select * from final
