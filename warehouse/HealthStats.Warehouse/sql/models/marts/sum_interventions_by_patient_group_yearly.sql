-- one row per fiscal year (of the discharge), facility, residence region, 5-year age group, sex, admit
-- category and intervention code: interventions coded, with the code's chapter (ICD-10-PCS section, CCI
-- section) and block and their titles. Counted, then titled, so that the intervention indicator answers
-- every dashboard filter from this table alone, without joining the facts or the code tables.
with interventions as (
    select facility_id, abstract_id, code, chapter, block from marts.fct_interventions
),
abstracts as (
    select facility_id, abstract_id, fiscal_year, residence_region, age_group, sex, admit_category
    from marts.fct_abstracts
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
counted as (
    select
        a.fiscal_year, a.facility_id, a.residence_region, a.age_group, a.sex, a.admit_category,
        i.code, i.chapter, i.block,
        count(*) as interventions
    from interventions i
    join abstracts a using (facility_id, abstract_id)
    group by all
),
final as (
    select
        s.fiscal_year, s.facility_id, s.residence_region, s.age_group, s.sex, s.admit_category,
        s.code, c.title,
        s.chapter, ch.chapter_title,
        s.block, b.block_title,
        s.interventions
    from counted s
    left join codes c on c.code = s.code
    left join chapters ch on ch.chapter = s.chapter
    left join blocks b on b.block = s.block
)
select * from final
