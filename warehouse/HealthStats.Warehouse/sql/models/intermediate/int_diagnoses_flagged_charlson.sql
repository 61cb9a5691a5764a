-- one row per diagnosis of a current abstract and Charlson condition its code has (Quan 2005 ICD-10).
-- Every diagnosis type counts, the MRDx included, except type 2 (post-admit comorbidity): a condition
-- that arose during the stay is a complication of care, not a comorbidity the patient came in with.
with diagnoses as (
    select facility_id, abstract_id, seq, code, diagnosis_type
    from intermediate.int_diagnoses_current
    where diagnosis_type <> '2'
),
codes as (
    select * from staging.stg_charlson_codes
),
prefix_lengths as (
    select distinct length(code_prefix) as prefix_length
    from codes
),
-- A prefix match as equality on each prefix length: a hash join, where starts_with would compare
-- every diagnosis with every prefix.
stems as (
    select d.*, left(d.code, l.prefix_length) as stem
    from diagnoses d
    cross join prefix_lengths l
    where length(d.code) >= l.prefix_length
),
final as (
    select s.facility_id, s.abstract_id, s.seq, s.code, s.diagnosis_type, c.condition, c.code_prefix
    from stems s
    join codes c on c.code_prefix = s.stem
)
select * from final
