-- one row per current abstract: the latest version of each (facility_id, abstract_id), deletions applied
with events as (
    select facility_id, abstract_id, batch_id, batch_seq, source_line, false as is_deletion
    from core.abstract_versions
    union all
    select facility_id, abstract_id, batch_id, batch_seq, source_line, true as is_deletion
    from core.deletions
),
latest as (
    select *
    from events
    qualify row_number() over (partition by facility_id, abstract_id order by batch_seq desc, source_line desc) = 1
),
current_versions as (
    select a.*
    from latest l
    join core.abstract_versions a using (facility_id, abstract_id, batch_id)
    where not l.is_deletion
),
final as (
    select
        a.* exclude (batch_seq),
        date_trunc('month', a.discharge_date)::date as discharge_month,
        (month(a.discharge_date) + 8) % 12 + 1 as fiscal_month,
        'Q' || ((((month(a.discharge_date) + 8) % 12) // 3) + 1) as fiscal_quarter,
        a.los_days - a.alc_days as acute_days,
        d.title as mrdx_title,
        d.chapter_title as mrdx_chapter_title,
        d.block_title as mrdx_block_title,
        left(a.mrdx_code, 3) as mrdx_category
    from current_versions a
    left join marts.dim_diagnosis_codes d on d.code = a.mrdx_code
)
select * from final
