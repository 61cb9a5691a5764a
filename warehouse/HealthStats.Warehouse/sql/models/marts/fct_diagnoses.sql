-- one row per diagnosis of a current abstract (long form), with its title
with current_abstracts as (
    select facility_id, abstract_id, batch_id, fiscal_year, discharge_date
    from intermediate.int_abstracts_current
),
diagnoses as (
    select * exclude (fiscal_year) from staging.stg_diagnosis_versions
),
diagnosis_codes as (
    select code, title from marts.dim_diagnosis_codes
),
final as (
    select
        a.facility_id, a.abstract_id, a.fiscal_year, a.discharge_date,
        d.seq, d.code, d.diagnosis_type as type, d.chapter, d.block, left(d.code, 3) as category,
        c.title
    from current_abstracts a
    join diagnoses d using (facility_id, abstract_id, batch_id)
    left join diagnosis_codes c using (code)
)
select * from final
