-- one row per diagnosis of a current abstract and Charlson condition its code has (Quan 2005 ICD-10).
-- Every diagnosis type counts, the MRDx included, except type 2 (post-admit comorbidity): a condition
-- that arose during the stay is a complication of care, not a comorbidity the patient came in with.
with abstracts as (
    select facility_id, abstract_id, batch_id
    from intermediate.int_abstracts_current
),
diagnoses as (
    select facility_id, abstract_id, batch_id, seq, code, diagnosis_type
    from staging.stg_diagnosis_versions
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
-- A code shorter than a prefix length has itself as that length's stem: the prefix's own length is a second
-- equality, where "length(code) >= prefix_length" made DuckDB sort every diagnosis for an inequality join.
stems as (
    select d.*, l.prefix_length, left(d.code, l.prefix_length) as stem
    from diagnoses d
    cross join prefix_lengths l
),
flagged as (
    select s.facility_id, s.abstract_id, s.batch_id, s.seq, s.code, s.diagnosis_type, c.condition, c.code_prefix
    from stems s
    join codes c on c.code_prefix = s.stem and length(c.code_prefix) = s.prefix_length
),
-- Flagged over every landed version, then kept for the current ones: the flagged rows are few, so this
-- join is smaller than one of all diagnoses with the current abstracts.
final as (
    select f.facility_id, f.abstract_id, f.seq, f.code, f.diagnosis_type, f.condition, f.code_prefix
    from flagged f
    semi join abstracts a using (facility_id, abstract_id, batch_id)
)
select * from final
