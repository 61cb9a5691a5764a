-- one row per discharge month, facility, residence region, 5-year age group, sex, admit category and
-- most responsible diagnosis (MRDx) code: discharges, with the code's chapter, block, 3-character
-- category and default inpatient CCSR category and their titles. Counted, then titled, so that the
-- diagnosis indicators answer every dashboard filter from this table alone: joining the titles to
-- every row at each query took most of a query's time. The month and quarter are also kept as the
-- indicators write them (2024-05, 2024-Q1), for the same reason: formatting a date on every row took
-- most of a by-month query's time.
with abstracts as (
    select * from marts.fct_abstracts
),
codes as (
    select code, title from marts.dim_diagnosis_codes
),
chapters as (
    select chapter, max(chapter_title) as chapter_title from marts.dim_diagnosis_codes group by chapter
),
blocks as (
    select block, max(block_title) as block_title from marts.dim_diagnosis_codes group by block
),
ccsr_defaults as (
    select d.code, d.ccsr_category, c.ccsr_description
    from staging.stg_ccsr_diagnoses d
    join staging.stg_ccsr_categories c using (ccsr_category)
    where d.is_inpatient_default
),
counted as (
    select
        fiscal_year, fiscal_quarter, fiscal_month, discharge_month, facility_id, residence_region,
        age_group, sex, admit_category,
        mrdx_code, mrdx_chapter, mrdx_block, mrdx_category,
        count(*) as discharges
    from abstracts
    group by all
),
final as (
    select
        s.fiscal_year, s.fiscal_quarter, s.fiscal_month, s.discharge_month,
        strftime(s.discharge_month, '%Y-%m') as month_label,
        s.fiscal_year || '-' || s.fiscal_quarter as quarter_label,
        s.facility_id, s.residence_region, s.age_group, s.sex, s.admit_category,
        s.mrdx_code, c.title as mrdx_title,
        s.mrdx_chapter, ch.chapter_title as mrdx_chapter_title,
        s.mrdx_block, b.block_title as mrdx_block_title,
        s.mrdx_category, cat.title as mrdx_category_title,
        x.ccsr_category as mrdx_ccsr_category, x.ccsr_description as mrdx_ccsr_description,
        s.discharges
    from counted s
    left join codes c on c.code = s.mrdx_code
    left join codes cat on cat.code = s.mrdx_category
    left join chapters ch on ch.chapter = s.mrdx_chapter
    left join blocks b on b.block = s.mrdx_block
    left join ccsr_defaults x on x.code = s.mrdx_code
)
select * from final
