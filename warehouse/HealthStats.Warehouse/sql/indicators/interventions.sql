-- one row per row of marts.sum_interventions_by_patient_group_yearly (fiscal year, facility, residence
-- region, age group, sex, admit category, intervention code), with the code's chapter (ICD-10-PCS
-- section, CCI section) and block, each with its title, under the names indicators give them
with summary as (
    select * from marts.sum_interventions_by_patient_group_yearly
),
final as (
    select
        cast(fiscal_year as varchar) as fiscal_year,
        facility_id as facility,
        coalesce(residence_region, 'unknown') as region,
        age_group,
        sex,
        admit_category,
        coalesce(chapter, 'unknown') as chapter, chapter_title,
        coalesce(block, 'unknown') as block, block_title,
        code, title as code_title,
        interventions
    from summary
)
select * from final
