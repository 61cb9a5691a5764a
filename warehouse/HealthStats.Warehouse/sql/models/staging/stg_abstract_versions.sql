-- one row per landed abstract version: core.abstract_versions with its times as times
with source as (
    select * from core.abstract_versions
),
final as (
    select
        * replace (
            -- the ingest validates HH:mm, so a cast only fails on a value that validation let through
            try_cast(admit_time as time) as admit_time,
            try_cast(discharge_time as time) as discharge_time
        )
    from source
)
select * from final
