-- one row per diagnosis of a current abstract and CCSR category its code maps to (none where no CCSR
-- file was imported, or for codes the CCSR does not know, such as ICD-10-CA-only codes)
with abstracts as (
    select facility_id, abstract_id, batch_id, fiscal_year
    from intermediate.int_abstracts_current
),
diagnoses as (
    select facility_id, abstract_id, batch_id, seq, code, diagnosis_type
    from staging.stg_diagnosis_versions
),
ccsr as (
    select * from staging.stg_ccsr_diagnoses
),
-- Mapped first: without a CCSR import this is empty and the join with the abstracts costs nothing.
mapped as (
    select d.*, c.ccsr_category, c.is_inpatient_default
    from diagnoses d
    join ccsr c using (code)
),
final as (
    select m.facility_id, m.abstract_id, a.fiscal_year, m.seq, m.code, m.diagnosis_type, m.ccsr_category, m.is_inpatient_default
    from mapped m
    join abstracts a using (facility_id, abstract_id, batch_id)
)
select * from final
