-- one row per diagnosis of a landed abstract version
with source as (
    select * from core.diagnosis_versions
),
final as (
    select batch_id, facility_id, abstract_id, seq, code, type as diagnosis_type, chapter, block, fiscal_year
    from source
)
select * from final
