-- one row per fiscal month of the index discharge and facility: index episodes and 30-day urgent
-- readmissions, all and over the episodes followed for the full 30 days (the rate's denominator)
with readmissions as (
    select * from marts.fct_readmissions
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
    from readmissions
    group by all
)
select * from final
