-- one row per audited abstract that is current in the warehouse: its latest audit outcome (imported or a
-- supervisor's review), which is what the supervised model learns from
with outcomes as (
    select facility_id, abstract_id, outcome, error_type, source, recorded_at, outcome_id
    from coding.audit_outcomes
),
latest as (
    select facility_id, abstract_id, outcome, error_type, source
    from outcomes
    qualify row_number() over (partition by facility_id, abstract_id order by outcome_id desc) = 1
),
current_abstracts as (
    select facility_id, abstract_id
    from marts.fct_abstracts
),
final as (
    select l.*
    from latest l
    semi join current_abstracts c using (facility_id, abstract_id)
)
select * from final
