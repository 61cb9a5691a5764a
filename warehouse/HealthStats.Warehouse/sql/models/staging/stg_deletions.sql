-- one row per deletion (action D) a batch asked for
with source as (
    select * from core.deletions
),
final as (
    select batch_id, batch_seq, source_line, facility_id, abstract_id
    from source
)
select * from final
