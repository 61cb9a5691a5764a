-- fails: an episode whose stays are not numbered 1..n in admission order, or that mixes patients
with stays as (
    select e.*, a.admit_date, a.discharge_date
    from intermediate.int_stays_linked_into_episodes e
    join intermediate.int_abstracts_current a using (facility_id, abstract_id)
),
checked as (
    select
        episode_id,
        count(*) as stays,
        max(stay_in_episode) as last_number,
        count(distinct stay_in_episode) as numbers,
        count(distinct patient_key) as patients,
        max(stays_in_episode) as stays_in_episode,
        bool_and((stay_in_episode = 1) = not is_linked_to_previous) as linked,
        min(episode_admit_date) filter (where stay_in_episode = 1) = min(admit_date) as starts_first
    from stays
    group by episode_id
),
out_of_order as (
    select episode_id
    from stays
    qualify admit_date < lag(admit_date) over (partition by episode_id order by stay_in_episode)
)
select c.episode_id, 'numbering, patients or start' as problem
from checked c
where c.stays <> c.last_number or c.numbers <> c.stays or c.patients <> 1 or c.stays_in_episode <> c.stays
   or not c.linked or not c.starts_first
union all
select episode_id, 'stays out of admission order' as problem
from out_of_order
