-- one row per code that excludes an episode from being a readmission index (seeds/readmission_exclusions.csv)
with source as (
    select * from seeds.readmission_exclusions
),
final as (
    select exclusion, field, code
    from source
)
select * from final
