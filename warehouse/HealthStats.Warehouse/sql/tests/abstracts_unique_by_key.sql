-- fails: a (facility_id, abstract_id) with more than one current row
select facility_id, abstract_id, count(*) as rows
from marts.fct_abstracts
group by facility_id, abstract_id
having count(*) > 1
