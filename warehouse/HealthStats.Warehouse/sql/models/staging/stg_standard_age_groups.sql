-- one row per age group of a standard population grouping (seeds/standard_age_groups.csv)
with source as (
    select * from seeds.standard_age_groups
),
final as (
    select grouping, cast(age_start as integer) as age_start, cast(nullif(age_end, '') as integer) as age_end, label
    from source
)
select * from final
