-- one row per warning recorded against a landed abstract version
with source as (
    select * from core.warning_versions
),
final as (
    select batch_id, facility_id, abstract_id, rule_id, field, fiscal_year
    from source
)
select * from final
