-- one row per discharge month, facility and coder: current abstracts, those whose current version drew
-- at least one validation warning, and the warnings
with abstracts as (
    select facility_id, abstract_id, batch_id, coder_id, discharge_month, fiscal_year, fiscal_quarter
    from marts.fct_abstracts
),
warnings as (
    select batch_id, facility_id, abstract_id, count(*) as warnings
    from staging.stg_warning_versions
    group by all
),
final as (
    select
        a.fiscal_year, a.fiscal_quarter, a.discharge_month, a.facility_id, a.coder_id,
        count(*) as abstracts,
        count(w.warnings) as abstracts_with_warnings,
        coalesce(sum(w.warnings), 0)::bigint as warnings
    from abstracts a
    left join warnings w using (batch_id, facility_id, abstract_id)
    group by all
)
select * from final
