-- one row per intervention of a current abstract, with its title
with current_abstracts as (
    select facility_id, abstract_id, batch_id, fiscal_year
    from marts.fct_abstracts
),
interventions as (
    select i.* exclude (fiscal_year)
    from core.intervention_versions i
),
final as (
    select
        a.facility_id, a.abstract_id, a.fiscal_year,
        i.seq, i.code, i.intervention_date, i.chapter, i.block,
        c.title
    from current_abstracts a
    join interventions i using (facility_id, abstract_id, batch_id)
    left join marts.dim_intervention_codes c on c.code = i.code
)
select * from final
