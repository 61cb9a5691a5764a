-- one row per episode of care: whether it is an index episode of the 30-day urgent readmission
-- measure (after CIHI's "30-day readmission" indicators), and its readmission.
--
-- An index episode ends in a discharge alive, and is none of these (codes in seeds/readmission_exclusions.csv):
-- died, cadaveric donor or stillbirth (disposition 07, 08, 09); signed out against advice (06); did not
-- return from leave (12); a newborn, stillbirth or donor admission (first stay's admit category N, S, R,
-- or final MRDx Z38); final stay's MRDx obstetric (chapter XV, O), mental health (chapter V, F),
-- palliative care (Z51.5), chemotherapy or radiotherapy (Z51.0, Z51.1x); a patient under 18 when the
-- episode began. The readmission is the patient's first later episode whose first stay is an urgent
-- admission (admit category U) starting within 30 days of the index episode's discharge (day 0 to 30):
-- transfers belong to the episode, so they never count as readmissions.
--
-- An episode discharged less than 30 days before the newest discharge in the warehouse has not been
-- followed for 30 days yet (has_full_follow_up false): its readmission may still come.
with stays as (
    select
        e.patient_key, e.episode_id, e.patient_episode_number, e.stay_in_episode, e.stays_in_episode,
        e.episode_admit_date, e.episode_discharge_date, e.episode_los_days, e.episode_discharge_disposition,
        a.facility_id, a.abstract_id, a.admit_category, a.age_years, a.mrdx_code, a.fiscal_year
    from intermediate.int_stays_linked_into_episodes e
    join intermediate.int_abstracts_current a using (facility_id, abstract_id)
),
first_stays as (
    select * from stays where stay_in_episode = 1
),
last_stays as (
    select * from stays where stay_in_episode = stays_in_episode
),
episodes as (
    select
        f.patient_key, f.episode_id, f.patient_episode_number, f.stays_in_episode,
        f.episode_admit_date, f.episode_discharge_date, f.episode_los_days, f.episode_discharge_disposition,
        f.admit_category as episode_admit_category, f.age_years as episode_admit_age,
        l.facility_id as discharge_facility_id, l.abstract_id as discharge_abstract_id,
        l.mrdx_code as discharge_mrdx_code, l.fiscal_year as discharge_fiscal_year
    from first_stays f
    join last_stays l using (episode_id)
),
exclusions as (
    select * from staging.stg_readmission_exclusions
),
excluded_by_code as (
    select e.episode_id, x.exclusion
    from episodes e
    join exclusions x
        on (x.field = 'discharge_disposition' and x.code = e.episode_discharge_disposition)
        or (x.field = 'admit_category' and x.code = e.episode_admit_category)
        or (x.field = 'mrdx_prefix' and starts_with(e.discharge_mrdx_code, x.code))
),
excluded_by_age as (
    select episode_id, 'age_under_18' as exclusion
    from episodes
    where episode_admit_age < 18
),
excluded as (
    select episode_id, string_agg(distinct exclusion, ',' order by exclusion) as index_exclusions
    from (select * from excluded_by_code union all select * from excluded_by_age)
    group by episode_id
),
urgent_admissions as (
    select patient_key, episode_id, patient_episode_number, episode_admit_date
    from episodes
    where episode_admit_category = 'U'
),
readmissions as (
    select
        i.episode_id,
        arg_min(r.episode_id, r.patient_episode_number) as readmission_episode_id,
        arg_min(r.episode_admit_date - i.episode_discharge_date, r.patient_episode_number) as days_to_readmission
    from episodes i
    join urgent_admissions r
        on r.patient_key = i.patient_key and r.patient_episode_number > i.patient_episode_number
    where r.episode_admit_date <= i.episode_discharge_date + 30
    group by i.episode_id
),
newest as (
    select max(discharge_date) as newest_discharge_date from intermediate.int_abstracts_current
),
final as (
    select
        e.*,
        x.index_exclusions is null as is_index,
        x.index_exclusions,
        r.readmission_episode_id is not null as is_readmitted,
        r.days_to_readmission,
        r.readmission_episode_id,
        e.episode_discharge_date + 30 <= n.newest_discharge_date as has_full_follow_up
    from episodes e
    cross join newest n
    left join excluded x using (episode_id)
    left join readmissions r using (episode_id)
)
select * from final
