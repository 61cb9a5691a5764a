-- one row per diagnosis of a current abstract (long form), with its title
with current_abstracts as (
    select facility_id, abstract_id, batch_id, fiscal_year, discharge_date
    from marts.fct_abstracts
),
diagnoses as (
    select d.* exclude (fiscal_year)
    from core.diagnosis_versions d
),
final as (
    select
        a.facility_id, a.abstract_id, a.fiscal_year, a.discharge_date,
        d.seq, d.code, d.type, d.chapter, d.block, left(d.code, 3) as category,
        c.title
    from current_abstracts a
    join diagnoses d using (facility_id, abstract_id, batch_id)
    left join marts.dim_diagnosis_codes c on c.code = d.code
)
select * from final
