-- fails: an abstract whose Charlson index counts both a condition and the one that supersedes it, or
-- whose index differs from the sum of its counted weights
with scored as (
    select * from intermediate.int_abstracts_scored_charlson
),
weights as (
    select * from staging.stg_charlson_weights
),
double_counted as (
    select s.facility_id, s.abstract_id, 'counts ' || s.condition || ' and ' || w.superseded_by as problem
    from scored s
    join weights w using (condition)
    join scored t on t.facility_id = s.facility_id and t.abstract_id = s.abstract_id and t.condition = w.superseded_by
    where s.is_counted
),
sums as (
    select facility_id, abstract_id, sum(counted_weight) as expected
    from scored
    group by all
),
wrong_index as (
    select a.facility_id, a.abstract_id, 'index ' || a.charlson_index || ' but weights sum to ' || coalesce(s.expected, 0) as problem
    from marts.fct_abstracts a
    left join sums s using (facility_id, abstract_id)
    where a.charlson_index <> coalesce(s.expected, 0)
)
select * from double_counted
union all
select * from wrong_index
