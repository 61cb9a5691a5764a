-- one row per Charlson condition: its weight and the condition that supersedes it (seeds/charlson_weights.csv)
with source as (
    select * from seeds.charlson_weights
),
final as (
    select condition, description, cast(weight as integer) as weight, nullif(superseded_by, '') as superseded_by
    from source
)
select * from final
