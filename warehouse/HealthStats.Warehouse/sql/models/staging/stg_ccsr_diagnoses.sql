-- one row per ICD-10-CM code and CCSR category it maps to (empty until a CCSR file is imported)
with source as (
    select * from reference.ccsr_diagnoses
),
final as (
    select code, ccsr_category, inpatient_default = 'Y' as is_inpatient_default, outpatient_default = 'Y' as is_outpatient_default
    from source
)
select * from final
