-- one row per index episode of the 30-day urgent readmission measure: whether the patient was
-- readmitted and after how many days, in the fiscal calendar of the index discharge
with episodes as (
    select * from marts.fct_episodes
    where is_index
),
discharges as (
    select facility_id, abstract_id, fiscal_year, fiscal_month, fiscal_quarter, discharge_month, mrdx_chapter, mrdx_category
    from marts.fct_abstracts
),
final as (
    select
        e.episode_id, e.patient_key,
        e.discharge_facility_id as facility_id, e.discharge_abstract_id as abstract_id,
        d.fiscal_year, d.fiscal_month, d.fiscal_quarter, d.discharge_month,
        e.episode_admit_date, e.episode_discharge_date, e.episode_admit_age,
        e.discharge_mrdx_code as mrdx_code, d.mrdx_category, d.mrdx_chapter,
        e.is_readmitted, e.days_to_readmission, e.readmission_episode_id, e.follow_up_end_date
    from episodes e
    join discharges d on d.facility_id = e.discharge_facility_id and d.abstract_id = e.discharge_abstract_id
)
select * from final
