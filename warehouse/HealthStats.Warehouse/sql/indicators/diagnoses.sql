-- one row per row of marts.sum_diagnoses_monthly (discharge month, facility, diagnosis code) that was a
-- most responsible diagnosis, with the code's chapter, block, 3-character category and default
-- inpatient CCSR category, each with its title, under the names indicators give them
with summary as (
    select * from marts.sum_diagnoses_monthly
    where as_mrdx > 0
),
codes as (
    select code, title, chapter_title, block_title from marts.dim_diagnosis_codes
),
chapters as (
    select chapter, max(chapter_title) as chapter_title from marts.dim_diagnosis_codes group by chapter
),
blocks as (
    select block, max(block_title) as block_title from marts.dim_diagnosis_codes group by block
),
ccsr as (
    select d.code, d.ccsr_category, c.ccsr_description
    from staging.stg_ccsr_diagnoses d
    join staging.stg_ccsr_categories c using (ccsr_category)
    where d.is_inpatient_default
),
final as (
    select
        strftime(s.discharge_month, '%Y-%m') as month,
        s.fiscal_year || '-Q' || ((s.fiscal_month - 1) // 3 + 1) as quarter,
        cast(s.fiscal_year as varchar) as fiscal_year,
        s.facility_id as facility,
        coalesce(s.chapter, 'unknown') as chapter, ch.chapter_title,
        coalesce(s.block, 'unknown') as block, b.block_title,
        s.category, cat.title as category_title,
        s.code, c.title as code_title,
        coalesce(x.ccsr_category, 'unmapped') as ccsr, x.ccsr_description as ccsr_title,
        s.as_mrdx
    from summary s
    left join codes c on c.code = s.code
    left join codes cat on cat.code = s.category
    left join chapters ch on ch.chapter = s.chapter
    left join blocks b on b.block = s.block
    left join ccsr x on x.code = s.code
)
select * from final
