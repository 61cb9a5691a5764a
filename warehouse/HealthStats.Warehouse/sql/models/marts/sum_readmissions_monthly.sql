-- one row per fiscal month of the index discharge and facility: index episodes and 30-day urgent
-- readmissions, all and over the episodes followed for the full 30 days (the rate's denominator)
with readmissions as (
    select * from marts.fct_readmissions
),
coverage as (
    select newest_discharge_date from marts.dim_data_coverage
),
followed as (
    select r.*, r.follow_up_end_date <= c.newest_discharge_date as has_full_follow_up
    from readmissions r
    cross join coverage c
),
final as (
    select
        fiscal_year, fiscal_quarter, fiscal_month, discharge_month, facility_id,
        count(*) as index_episodes,
        count(*) filter (where is_readmitted) as readmitted,
        count(*) filter (where has_full_follow_up) as index_episodes_followed,
        count(*) filter (where has_full_follow_up and is_readmitted) as readmitted_followed,
        round(100.0 * count(*) filter (where has_full_follow_up and is_readmitted)
            / nullif(count(*) filter (where has_full_follow_up), 0), 2) as readmission_rate_percent
    from followed
    group by all
)
select * from final
