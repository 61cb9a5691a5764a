-- one row per diagnosis of a current abstract and CCSR category its code maps to (long form: a code
-- may map to several categories), with whether it is the code's default inpatient category
with mapped as (
    select * from intermediate.int_diagnoses_mapped_to_ccsr
),
categories as (
    select ccsr_category, ccsr_description from staging.stg_ccsr_categories
),
final as (
    select m.facility_id, m.abstract_id, m.fiscal_year, m.seq, m.code, m.diagnosis_type as type,
           m.ccsr_category, c.ccsr_description, m.is_inpatient_default
    from mapped m
    left join categories c using (ccsr_category)
)
select * from final
