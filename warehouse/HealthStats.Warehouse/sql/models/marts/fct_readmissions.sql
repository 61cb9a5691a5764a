-- one row per index episode of the 30-day urgent readmission measure: whether the patient was
-- readmitted and after how many days, in the fiscal calendar of the index discharge
--
-- The calendar is computed from the episode's discharge date as marts.fct_abstracts computes it from
-- the stay's (the episode's discharge is its last stay's): a join with the abstracts to read it cost
-- more than the rest of the model at 10 million abstracts.
with episodes as (
    select * from marts.fct_episodes
    where is_index
),
final as (
    select
        e.episode_id, e.patient_key,
        e.discharge_facility_id as facility_id, e.discharge_abstract_id as abstract_id,
        e.discharge_fiscal_year as fiscal_year,
        (month(e.episode_discharge_date) + 8) % 12 + 1 as fiscal_month,
        'Q' || ((((month(e.episode_discharge_date) + 8) % 12) // 3) + 1) as fiscal_quarter,
        date_trunc('month', e.episode_discharge_date)::date as discharge_month,
        e.episode_admit_date, e.episode_discharge_date, e.episode_admit_age,
        e.discharge_mrdx_code as mrdx_code, left(e.discharge_mrdx_code, 3) as mrdx_category, e.discharge_mrdx_chapter as mrdx_chapter,
        e.is_readmitted, e.days_to_readmission, e.readmission_episode_id, e.follow_up_end_date
    from episodes e
)
select * from final
