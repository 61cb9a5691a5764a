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
-- follow_up_end_date is the last day a readmission can start. An episode whose follow-up ends after
-- the newest discharge in the warehouse (marts.dim_data_coverage) has not been followed for 30 days
-- yet: its readmission may still come. That test is made where the newest discharge is known, so
-- that an episode's row depends only on its patient's stays.
-- Not materialized: read six times, the episodes would otherwise be held in memory whole.
with episodes as not materialized (
    select
        patient_key, episode_id, episode_key, patient_episode_number, stays_in_episode,
        episode_admit_date, episode_discharge_date, episode_los_days, episode_discharge_disposition,
        episode_admit_category, episode_admit_age,
        discharge_facility_id, discharge_abstract_id, discharge_mrdx_code, discharge_mrdx_chapter, discharge_fiscal_year
    from intermediate.int_stays_linked_into_episodes
    where stay_in_episode = 1
),
exclusions as (
    select * from staging.stg_readmission_exclusions
),
prefix_lengths as (
    select distinct length(code) as prefix_length
    from exclusions
    where field = 'mrdx_prefix'
),
-- Equality joins, one per field (the MRDx by each prefix length): an "or" of conditions would compare
-- every episode with every exclusion.
excluded_by_disposition as (
    select e.episode_key, x.exclusion
    from episodes e
    join exclusions x on x.field = 'discharge_disposition' and x.code = e.episode_discharge_disposition
),
excluded_by_admit_category as (
    select e.episode_key, x.exclusion
    from episodes e
    join exclusions x on x.field = 'admit_category' and x.code = e.episode_admit_category
),
-- The MRDx's stems are computed before the join: with left() in its condition DuckDB filtered a cross
-- product of episodes and exclusions instead of joining them on a hash.
mrdx_stems as (
    select e.episode_key, left(e.discharge_mrdx_code, l.prefix_length) as stem
    from episodes e
    cross join prefix_lengths l
),
excluded_by_mrdx as (
    select s.episode_key, x.exclusion
    from mrdx_stems s
    join exclusions x on x.field = 'mrdx_prefix' and x.code = s.stem
),
excluded_by_age as (
    select episode_key, 'age_under_18' as exclusion
    from episodes
    where episode_admit_age < 18
),
-- Each exclusion is a bit, or-ed per episode: a fixed-size aggregate that spills to disk, where a string
-- or list aggregated per episode kept every group in memory (out of memory at 10 million abstracts).
exclusion_bits as (
    select exclusion, (row_number() over (order by exclusion) - 1)::integer as bit
    from (select exclusion from exclusions union select 'age_under_18')
),
exclusion_names as (
    select list(exclusion order by bit) as names from exclusion_bits
),
excluded as (
    select u.episode_key, bit_or(1::bigint << b.bit) as exclusion_mask
    from (
        select * from excluded_by_disposition
        union all select * from excluded_by_admit_category
        union all select * from excluded_by_mrdx
        union all select * from excluded_by_age
    ) u
    join exclusion_bits b using (exclusion)
    group by u.episode_key
),
-- Episodes are in admission order, so the patient's first later urgent episode is also the earliest
-- admitted: a window finds it without pairing every episode with every later one.
next_urgent as (
    select
        episode_key,
        first_value(case when episode_admit_category = 'U' then episode_id end ignore nulls) over later as next_urgent_episode_id,
        first_value(case when episode_admit_category = 'U' then episode_admit_date end ignore nulls) over later as next_urgent_admit_date
    from episodes
    window later as (partition by patient_key order by patient_episode_number rows between 1 following and unbounded following)
),
readmissions as (
    select
        e.episode_key,
        n.next_urgent_episode_id as readmission_episode_id,
        n.next_urgent_admit_date - e.episode_discharge_date as days_to_readmission
    from episodes e
    join next_urgent n using (episode_key)
    where n.next_urgent_admit_date <= e.episode_discharge_date + 30
),
final as (
    select
        e.*,
        x.exclusion_mask is null as is_index,
        -- the exclusions' names, in alphabetical order, comma-separated
        nullif(array_to_string(list_filter(n.names, lambda name, i: (x.exclusion_mask >> (i - 1)) & 1 = 1), ','), '') as index_exclusions,
        r.readmission_episode_id is not null as is_readmitted,
        r.days_to_readmission,
        r.readmission_episode_id,
        e.episode_discharge_date + 30 as follow_up_end_date
    from episodes e
    left join excluded x using (episode_key)
    left join readmissions r using (episode_key)
    cross join exclusion_names n
)
select * from final
