-- one row per diagnosis of a current abstract and CCSR category its code maps to (none where no CCSR
-- file was imported, or for codes the CCSR does not know, such as ICD-10-CA-only codes)
with diagnoses as (
    select facility_id, abstract_id, fiscal_year, seq, code, diagnosis_type
    from intermediate.int_diagnoses_current
),
ccsr as (
    select * from staging.stg_ccsr_diagnoses
),
final as (
    select d.facility_id, d.abstract_id, d.fiscal_year, d.seq, d.code, d.diagnosis_type,
           c.ccsr_category, c.is_inpatient_default
    from diagnoses d
    join ccsr c using (code)
)
select * from final
