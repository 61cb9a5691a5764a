-- one row per intervention of a current abstract, with its title
with current_abstracts as (
    select facility_id, abstract_id, batch_id, fiscal_year
    from intermediate.int_abstracts_current
),
interventions as (
    select * exclude (fiscal_year) from staging.stg_intervention_versions
),
intervention_codes as (
    select code, title from marts.dim_intervention_codes
),
final as (
    select
        a.facility_id, a.abstract_id, a.fiscal_year,
        i.seq, i.code, i.intervention_date, i.chapter, i.block,
        c.title
    from current_abstracts a
    join interventions i using (facility_id, abstract_id, batch_id)
    left join intervention_codes c using (code)
)
select * from final
