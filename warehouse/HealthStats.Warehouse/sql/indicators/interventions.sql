-- one row per row of marts.sum_interventions_yearly (fiscal year, facility, intervention code), with the
-- code's chapter (ICD-10-PCS section, CCI section) and block, each with its title
with summary as (
    select * from marts.sum_interventions_yearly
),
codes as (
    select code, title from marts.dim_intervention_codes
),
chapters as (
    select chapter, max(chapter_title) as chapter_title from marts.dim_intervention_codes group by chapter
),
blocks as (
    select block, max(block_title) as block_title from marts.dim_intervention_codes group by block
),
final as (
    select
        cast(s.fiscal_year as varchar) as fiscal_year,
        s.facility_id as facility,
        coalesce(s.chapter, 'unknown') as chapter, ch.chapter_title,
        coalesce(s.block, 'unknown') as block, b.block_title,
        s.code, c.title as code_title,
        s.interventions
    from summary s
    left join codes c on c.code = s.code
    left join chapters ch on ch.chapter = s.chapter
    left join blocks b on b.block = s.block
)
select * from final
