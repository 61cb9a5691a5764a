-- one row per age in years (0 to 120): its 5-year group (as the ingest assigns age_group) and its group
-- in each standard population grouping (seeds/standard_age_groups.csv: std19, std18, std11), with each
-- group's first age, which is what a standard population (age_start) joins on
with ages as (
    select range::integer as age_years from range(0, 121)
),
groups as (
    select * from staging.stg_standard_age_groups
),
grouped as (
    select a.age_years, g.grouping, g.label, g.age_start
    from ages a
    join groups g on a.age_years >= g.age_start and (g.age_end is null or a.age_years <= g.age_end)
),
final as (
    select
        a.age_years,
        case when a.age_years >= 90 then '90+' else (a.age_years // 5 * 5) || '-' || (a.age_years // 5 * 5 + 4) end as age_group,
        max(g.label) filter (where g.grouping = 'std19') as std19_age_group,
        max(g.age_start) filter (where g.grouping = 'std19') as std19_age_start,
        max(g.label) filter (where g.grouping = 'std18') as std18_age_group,
        max(g.age_start) filter (where g.grouping = 'std18') as std18_age_start,
        max(g.label) filter (where g.grouping = 'std11') as std11_age_group,
        max(g.age_start) filter (where g.grouping = 'std11') as std11_age_start
    from ages a
    left join grouped g using (age_years)
    group by a.age_years
    order by a.age_years
)
select * from final
