-- fails: a readmission outside 0-30 days, of another patient, not urgent, or of an excluded index episode
select r.episode_id, r.days_to_readmission, e.patient_key as readmission_patient, r.patient_key
from marts.fct_readmissions r
left join marts.fct_episodes e on e.episode_id = r.readmission_episode_id
where r.is_readmitted
  and (r.days_to_readmission not between 0 and 30 or e.patient_key is distinct from r.patient_key
       or e.episode_admit_category is distinct from 'U')
union all
select r.episode_id, null, null, r.patient_key
from marts.fct_readmissions r
join marts.fct_episodes e using (episode_id)
where not e.is_index
