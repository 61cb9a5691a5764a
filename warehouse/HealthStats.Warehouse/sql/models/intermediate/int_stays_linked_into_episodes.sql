-- one row per current abstract (a stay): the episode of care it belongs to.
--
-- A patient's stays, in admission order, are linked into one episode when a stay's admission starts
-- within 7 hours of the previous stay's discharge, or within 12 hours when a transfer is coded: the
-- previous stay was discharged to acute care (disposition 01) or names an institution_to, or this
-- stay names an institution_from. An admission before the previous discharge (overlapping stays)
-- links too. Exactly 7 (or 12) hours is within.
--
-- Missing times: when the previous discharge time or this admission time is absent, an admission on
-- the day of the previous discharge (or before it) links, and one on the next calendar day links only
-- when a transfer is coded. Without times the gap is unknown: the same day is within a day of
-- discharge, and a coded transfer is what makes a next-day admission a continuation of care.
--
-- The episode id is the key (facility_id/abstract_id) of its first stay, whose admission (date, time,
-- category, age) is the episode's; the episode's discharge (date, time, disposition, facility, abstract,
-- MRDx and its chapter, fiscal year) is that of its last stay in admission order.
--
-- version_key (the abstract version's batch and line as one number, unique per current abstract) and
-- episode_key (its first stay's) are the keys the models after this one join on: a join on one number,
-- where facility_id and abstract_id, or episode_id, are strings to hash and compare.
with stays as (
    select
        patient_key, facility_id, abstract_id, batch_seq::bigint * 4294967296 + source_line as version_key, admit_date, admit_time, discharge_date, discharge_time,
        discharge_disposition, institution_from, institution_to, admit_category, age_years, mrdx_code, mrdx_chapter, fiscal_year
    from intermediate.int_abstracts_current
),
ordered as (
    select
        *,
        row_number() over by_admission as patient_stay_number,
        lag(discharge_date) over by_admission as previous_discharge_date,
        lag(discharge_time) over by_admission as previous_discharge_time,
        lag(discharge_disposition = '01' or institution_to is not null) over by_admission as previous_transferred_out
    from stays
    window by_admission as (
        partition by patient_key
        order by admit_date, admit_time nulls first, discharge_date, discharge_time nulls last, facility_id, abstract_id
    )
),
linked as (
    select
        *,
        case
            when previous_discharge_date is null then false
            when admit_time is null or previous_discharge_time is null then
                admit_date <= previous_discharge_date
                or (admit_date = previous_discharge_date + 1 and (previous_transferred_out or institution_from is not null))
            else
                (admit_date + admit_time) - (previous_discharge_date + previous_discharge_time)
                    <= case when previous_transferred_out or institution_from is not null then interval 12 hours else interval 7 hours end
        end as is_linked_to_previous
    from ordered
),
numbered as (
    select
        *,
        sum(case when is_linked_to_previous then 0 else 1 end) over (
            partition by patient_key order by patient_stay_number rows unbounded preceding
        ) as patient_episode_number
    from linked
),
episodes as (
    select
        *,
        row_number() over episode as stay_in_episode,
        count(*) over episode as stays_in_episode,
        first_value(facility_id || '/' || abstract_id) over episode as episode_id,
        first_value(version_key) over episode as episode_key,
        first_value(admit_date) over episode as episode_admit_date,
        first_value(admit_time) over episode as episode_admit_time,
        first_value(admit_category) over episode as episode_admit_category,
        first_value(age_years) over episode as episode_admit_age,
        last_value(discharge_date) over episode as episode_discharge_date,
        last_value(discharge_time) over episode as episode_discharge_time,
        last_value(discharge_disposition) over episode as episode_discharge_disposition,
        last_value(facility_id) over episode as discharge_facility_id,
        last_value(abstract_id) over episode as discharge_abstract_id,
        last_value(mrdx_code) over episode as discharge_mrdx_code,
        last_value(mrdx_chapter) over episode as discharge_mrdx_chapter,
        last_value(fiscal_year) over episode as discharge_fiscal_year
    from numbered
    window episode as (
        partition by patient_key, patient_episode_number order by patient_stay_number
        rows between unbounded preceding and unbounded following
    )
),
final as (
    select
        facility_id, abstract_id, version_key, patient_key, episode_id, episode_key, patient_episode_number, stay_in_episode, stays_in_episode,
        is_linked_to_previous, episode_admit_date, episode_admit_time, episode_admit_category, episode_admit_age,
        episode_discharge_date, episode_discharge_time,
        episode_discharge_date - episode_admit_date as episode_los_days,
        episode_discharge_disposition, discharge_facility_id, discharge_abstract_id, discharge_mrdx_code, discharge_mrdx_chapter, discharge_fiscal_year
    from episodes
)
select * from final
