-- one row per current abstract: what the miscoding model reads, computed over every current abstract
-- without labels. Co-occurrence figures leave the abstract itself out (a pair seen only in this abstract
-- counts as never seen), so that an abstract cannot vouch for its own coding.
with abstracts as (
    select
        facility_id, abstract_id, batch_id, discharge_date, mrdx_code, age_years, sex, los_days, alc_days,
        admit_category, discharge_disposition, coder_id
    from marts.fct_abstracts
),
diagnoses as (
    select facility_id, abstract_id, code, type
    from marts.fct_diagnoses
),
interventions as materialized (
    select distinct facility_id, abstract_id, code
    from marts.fct_interventions
),
warnings as (
    select w.facility_id, w.abstract_id, w.rule_id
    from staging.stg_warning_versions w
    semi join abstracts a using (facility_id, abstract_id, batch_id)
),
totals as (
    select count(*)::double as abstracts
    from abstracts
),
-- how often a code is the MRDx where it is coded at all
code_roles as (
    select code, count(*) filter (where type = 'M') as as_mrdx, count(*) as coded
    from diagnoses
    group by code
),
mrdx_counts as (
    select mrdx_code, count(*) as mrdx_abstracts, median(los_days) as mrdx_median_los
    from abstracts
    group by mrdx_code
),
secondaries as materialized (
    select distinct d.facility_id, d.abstract_id, d.code, d.type
    from diagnoses d
    where d.type <> 'M'
),
secondary_counts as (
    select code, count(*) as coded
    from secondaries
    group by code
),
intervention_counts as (
    select code, count(*) as coded
    from interventions
    group by code
),
-- each abstract's MRDx with each of its interventions and other diagnoses, joined once by abstract; the
-- lifts below join it to small per-code tables only (joining by abstract and code at once made DuckDB
-- build a hash table on the MRDx alone, and took minutes at a million abstracts)
mrdx_with_interventions as materialized (
    select a.facility_id, a.abstract_id, a.mrdx_code, i.code
    from abstracts a
    join interventions i using (facility_id, abstract_id)
),
mrdx_with_secondaries as materialized (
    select a.facility_id, a.abstract_id, a.mrdx_code, s.code
    from abstracts a
    join secondaries s using (facility_id, abstract_id)
),
mrdx_intervention_pairs as (
    select mrdx_code, code, count(*) as together
    from mrdx_with_interventions
    group by all
),
mrdx_secondary_pairs as (
    select mrdx_code, code, count(*) as together
    from mrdx_with_secondaries
    group by all
),
-- lift = P(mrdx and code) / (P(mrdx) P(code)), this abstract left out: 0 when no other abstract has the pair
intervention_lifts as (
    select
        x.facility_id, x.abstract_id, x.code,
        (p.together - 1) * t.abstracts / (greatest(m.mrdx_abstracts - 1, 1) * greatest(c.coded - 1, 1)) as lift
    from mrdx_with_interventions x
    join mrdx_intervention_pairs p using (mrdx_code, code)
    join mrdx_counts m using (mrdx_code)
    join intervention_counts c using (code)
    cross join totals t
),
secondary_lifts as (
    select
        x.facility_id, x.abstract_id, x.code,
        (p.together - 1) * t.abstracts / (greatest(m.mrdx_abstracts - 1, 1) * greatest(c.coded - 1, 1)) as lift
    from mrdx_with_secondaries x
    join mrdx_secondary_pairs p using (mrdx_code, code)
    join mrdx_counts m using (mrdx_code)
    join secondary_counts c using (code)
    cross join totals t
),
-- The code a reason names is the first in code order among equally unusual ones: arg_min picked any of
-- them, so the same abstract's reason named another code from one run to the next.
intervention_fit as (
    select
        facility_id, abstract_id, count(*) as interventions,
        min(lift) as intervention_min_lift, first(code order by lift, code) as intervention_min_lift_code
    from intervention_lifts
    group by facility_id, abstract_id
),
secondary_fit as (
    select
        facility_id, abstract_id, count(*) as secondaries,
        min(lift) as secondary_min_lift, first(code order by lift, code) as secondary_min_lift_code
    from secondary_lifts
    group by facility_id, abstract_id
),
-- a pre- or post-admit comorbidity that is usually the MRDx elsewhere: the MRDx may be sequenced wrongly
comorbidity_roles as (
    select
        s.facility_id, s.abstract_id,
        max(r.as_mrdx::double / r.coded) as comorbidity_max_mrdx_share,
        first(s.code order by r.as_mrdx::double / r.coded desc, s.code) as comorbidity_max_mrdx_share_code
    from secondaries s
    join code_roles r using (code)
    where s.type in ('1', '2')
    group by s.facility_id, s.abstract_id
),
fired as (
    select facility_id, abstract_id, count(*) as warnings, string_agg(distinct rule_id, ',' order by rule_id) as warning_rules
    from warnings
    group by facility_id, abstract_id
),
coder_rates as (
    select a.coder_id, count(*) as coder_abstracts, count(f.abstract_id)::double / count(*) as coder_warning_share
    from abstracts a
    left join fired f using (facility_id, abstract_id)
    group by a.coder_id
),
facility_rates as (
    select a.facility_id, count(f.abstract_id)::double / count(*) as facility_warning_share
    from abstracts a
    left join fired f using (facility_id, abstract_id)
    group by a.facility_id
),
final as (
    select
        a.facility_id, a.abstract_id, a.batch_id, a.discharge_date, a.mrdx_code,
        a.age_years::float as age_years,
        case a.sex when 'M' then 0 when 'F' then 1 else 2 end::float as sex,
        a.los_days::float as los_days,
        a.alc_days::float as alc_days,
        coalesce(a.los_days / nullif(m.mrdx_median_los, 0), 1)::float as los_to_mrdx_median,
        m.mrdx_median_los::float as mrdx_median_los,
        ascii(coalesce(a.admit_category, ' '))::float as admit_category,
        coalesce(try_cast(a.discharge_disposition as integer), 0)::float as discharge_disposition,
        length(a.mrdx_code)::float as mrdx_code_length,
        ln(m.mrdx_abstracts)::float as mrdx_log_abstracts,
        ((r.as_mrdx - 1)::double / greatest(r.coded - 1, 1))::float as mrdx_share_as_mrdx,
        coalesce(cr.comorbidity_max_mrdx_share, 0)::float as comorbidity_max_mrdx_share,
        cr.comorbidity_max_mrdx_share_code,
        coalesce(sf.secondaries, 0)::float as secondaries,
        coalesce(sf.secondary_min_lift, 1)::float as secondary_min_lift,
        sf.secondary_min_lift_code,
        coalesce(xf.interventions, 0)::float as interventions,
        coalesce(xf.intervention_min_lift, 1)::float as intervention_min_lift,
        xf.intervention_min_lift_code,
        coalesce(f.warnings, 0)::float as warnings,
        f.warning_rules,
        ln(c.coder_abstracts)::float as coder_log_abstracts,
        c.coder_warning_share::float as coder_warning_share,
        fr.facility_warning_share::float as facility_warning_share
    from abstracts a
    join mrdx_counts m using (mrdx_code)
    left join code_roles r on r.code = a.mrdx_code
    left join comorbidity_roles cr using (facility_id, abstract_id)
    left join secondary_fit sf using (facility_id, abstract_id)
    left join intervention_fit xf using (facility_id, abstract_id)
    left join fired f using (facility_id, abstract_id)
    left join coder_rates c using (coder_id)
    left join facility_rates fr using (facility_id)
)
select * from final
