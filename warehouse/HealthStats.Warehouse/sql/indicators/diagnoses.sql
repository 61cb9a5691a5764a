-- one row per row of marts.sum_mrdx_discharges_monthly (discharge month, facility, residence region, age
-- group, sex, admit category, MRDx code), with the code's chapter, block, 3-character category and default
-- inpatient CCSR category, each with its title, under the names indicators give them
with summary as (
    select * from marts.sum_mrdx_discharges_monthly
),
final as (
    select
        month_label as month,
        quarter_label as quarter,
        cast(fiscal_year as varchar) as fiscal_year,
        facility_id as facility,
        coalesce(residence_region, 'unknown') as region,
        age_group,
        sex,
        admit_category,
        coalesce(mrdx_chapter, 'unknown') as chapter, mrdx_chapter_title as chapter_title,
        coalesce(mrdx_block, 'unknown') as block, mrdx_block_title as block_title,
        mrdx_category as category, mrdx_category_title as category_title,
        mrdx_code as code, mrdx_title as code_title,
        coalesce(mrdx_ccsr_category, 'unmapped') as ccsr, mrdx_ccsr_description as ccsr_title,
        discharges
    from summary
)
select * from final
