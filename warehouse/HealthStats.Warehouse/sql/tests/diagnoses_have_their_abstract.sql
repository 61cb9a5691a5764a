-- fails: a diagnosis (or intervention) in the marts without its current abstract
select 'fct_diagnoses' as mart, d.facility_id, d.abstract_id
from marts.fct_diagnoses d
anti join marts.fct_abstracts a using (facility_id, abstract_id)
union all
select 'fct_interventions' as mart, i.facility_id, i.abstract_id
from marts.fct_interventions i
anti join marts.fct_abstracts a using (facility_id, abstract_id)
union all
select 'fct_diagnosis_ccsr' as mart, c.facility_id, c.abstract_id
from marts.fct_diagnosis_ccsr c
anti join marts.fct_abstracts a using (facility_id, abstract_id)
