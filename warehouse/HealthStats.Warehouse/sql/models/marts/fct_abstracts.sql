-- one row per current abstract: the latest version of each (facility_id, abstract_id), deletions applied,
-- with its fiscal calendar, age groups, MRDx classification and CCSR category, episode of care and
-- Charlson comorbidity index
with abstracts as (
    select *, batch_seq::bigint * 4294967296 + source_line as version_key
    from intermediate.int_abstracts_current
),
-- joined on version_key, one number (see intermediate.int_stays_linked_into_episodes)
episodes as (
    select version_key, episode_id, stay_in_episode, stays_in_episode
    from intermediate.int_stays_linked_into_episodes
),
charlson as (
    select facility_id, abstract_id, sum(counted_weight) as charlson_index
    from intermediate.int_abstracts_scored_charlson
    group by facility_id, abstract_id
),
age_groups as (
    select age_years, std19_age_group, std18_age_group, std11_age_group
    from marts.dim_age_groups
),
diagnosis_codes as (
    select code, title, chapter_title, block_title
    from marts.dim_diagnosis_codes
),
ccsr_defaults as (
    select d.code, d.ccsr_category, c.ccsr_description
    from staging.stg_ccsr_diagnoses d
    join staging.stg_ccsr_categories c using (ccsr_category)
    where d.is_inpatient_default
),
final as (
    select
        a.* exclude (batch_seq, version_key),
        date_trunc('month', a.discharge_date)::date as discharge_month,
        (month(a.discharge_date) + 8) % 12 + 1 as fiscal_month,
        'Q' || ((((month(a.discharge_date) + 8) % 12) // 3) + 1) as fiscal_quarter,
        a.los_days - a.alc_days as acute_days,
        g.std19_age_group, g.std18_age_group, g.std11_age_group,
        d.title as mrdx_title,
        d.chapter_title as mrdx_chapter_title,
        d.block_title as mrdx_block_title,
        left(a.mrdx_code, 3) as mrdx_category,
        x.ccsr_category as mrdx_ccsr_category,
        x.ccsr_description as mrdx_ccsr_description,
        e.episode_id, e.stay_in_episode, e.stays_in_episode,
        coalesce(c.charlson_index, 0)::integer as charlson_index
    from abstracts a
    join episodes e on e.version_key = a.version_key
    left join charlson c using (facility_id, abstract_id)
    left join age_groups g using (age_years)
    left join diagnosis_codes d on d.code = a.mrdx_code
    left join ccsr_defaults x on x.code = a.mrdx_code
)
select * from final
