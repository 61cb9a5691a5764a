-- one row per intervention of a landed abstract version
with source as (
    select * from core.intervention_versions
),
final as (
    select batch_id, facility_id, abstract_id, seq, code, intervention_date, chapter, block, fiscal_year
    from source
)
select * from final
