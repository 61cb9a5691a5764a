-- one row per diagnosis of a current abstract (long form), with the abstract's dates and facility
with abstracts as (
    select facility_id, abstract_id, batch_id, fiscal_year, discharge_date
    from intermediate.int_abstracts_current
),
diagnoses as (
    select * exclude (fiscal_year) from staging.stg_diagnosis_versions
),
final as (
    select
        a.facility_id, a.abstract_id, a.fiscal_year, a.discharge_date,
        d.seq, d.code, d.diagnosis_type, d.chapter, d.block, left(d.code, 3) as category
    from abstracts a
    join diagnoses d using (facility_id, abstract_id, batch_id)
)
select * from final
