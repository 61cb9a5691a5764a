-- one row per episode of care (a patient's stays linked by transfer; see
-- intermediate.int_stays_linked_into_episodes), with its readmission
with episodes as (
    select * from intermediate.int_episodes_followed_for_readmission
),
final as (
    select
        episode_id, patient_key, patient_episode_number, stays_in_episode,
        episode_admit_date, episode_discharge_date, episode_los_days, episode_discharge_disposition,
        episode_admit_category, episode_admit_age,
        discharge_facility_id, discharge_abstract_id, discharge_mrdx_code, discharge_mrdx_chapter, discharge_fiscal_year,
        is_index, index_exclusions, is_readmitted, days_to_readmission, readmission_episode_id, follow_up_end_date
    from episodes
)
select * from final
