-- one row per diagnosis of a current abstract (long form), with its title
with diagnoses as (
    select * from intermediate.int_diagnoses_current
),
diagnosis_codes as (
    select code, title from marts.dim_diagnosis_codes
),
final as (
    select
        d.facility_id, d.abstract_id, d.fiscal_year, d.discharge_date,
        d.seq, d.code, d.diagnosis_type as type, d.chapter, d.block, d.category,
        c.title
    from diagnoses d
    left join diagnosis_codes c using (code)
)
select * from final
