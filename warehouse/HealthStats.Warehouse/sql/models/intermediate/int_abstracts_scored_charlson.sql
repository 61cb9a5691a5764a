-- one row per current abstract and Charlson condition it has, with the condition's weight and whether
-- it counts towards the abstract's Charlson index: a condition superseded by a more severe one that the
-- abstract also has (mild by moderate/severe liver disease, diabetes without by with complications,
-- any malignancy by metastatic solid tumour) is listed but weighs 0.
with flagged as (
    select distinct facility_id, abstract_id, condition
    from intermediate.int_diagnoses_flagged_charlson
),
weights as (
    select * from staging.stg_charlson_weights
),
weighted as (
    select f.facility_id, f.abstract_id, f.condition, w.weight, w.superseded_by
    from flagged f
    join weights w using (condition)
),
final as (
    select
        w.facility_id, w.abstract_id, w.condition, w.weight,
        s.condition is null as is_counted,
        case when s.condition is null then w.weight else 0 end as counted_weight
    from weighted w
    left join flagged s
        on s.facility_id = w.facility_id and s.abstract_id = w.abstract_id and s.condition = w.superseded_by
)
select * from final
