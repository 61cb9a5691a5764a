-- fails: a current abstract in no episode or in more than one (marts.fct_abstracts has a row per
-- abstract and episode it belongs to)
with abstracts as (
    select facility_id, abstract_id from intermediate.int_abstracts_current
),
memberships as (
    select facility_id, abstract_id, count(*) as episodes
    from marts.fct_abstracts
    group by facility_id, abstract_id
)
select a.facility_id, a.abstract_id, coalesce(m.episodes, 0) as episodes
from abstracts a
full join memberships m using (facility_id, abstract_id)
where m.episodes is distinct from 1 or a.abstract_id is null
