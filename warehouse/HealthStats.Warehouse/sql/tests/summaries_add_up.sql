-- fails: a summary table whose totals differ from the facts it pre-aggregates
with totals as (
    select 'sum_discharges_monthly' as summary,
           (select count(*) from marts.fct_abstracts) as facts,
           (select coalesce(sum(discharges), 0) from marts.sum_discharges_monthly) as summarised
    union all
    select 'sum_discharges_by_age',
           (select count(*) from marts.fct_abstracts),
           (select coalesce(sum(discharges), 0) from marts.sum_discharges_by_age)
    union all
    select 'sum_stays_by_los',
           (select count(*) from marts.fct_abstracts),
           (select coalesce(sum(stays), 0) from marts.sum_stays_by_los)
    union all
    select 'sum_coding_turnaround',
           (select count(*) from marts.fct_abstracts),
           (select coalesce(sum(abstracts), 0) from marts.sum_coding_turnaround)
    union all
    select 'sum_charlson_monthly',
           (select count(*) from marts.fct_abstracts),
           (select coalesce(sum(discharges), 0) from marts.sum_charlson_monthly)
    union all
    select 'sum_diagnoses_monthly',
           (select count(*) from marts.fct_diagnoses),
           (select coalesce(sum(diagnoses), 0) from marts.sum_diagnoses_monthly)
    union all
    select 'sum_interventions_yearly',
           (select count(*) from marts.fct_interventions),
           (select coalesce(sum(interventions), 0) from marts.sum_interventions_yearly)
    union all
    select 'sum_mrdx_discharges_monthly',
           (select count(*) from marts.fct_abstracts),
           (select coalesce(sum(discharges), 0) from marts.sum_mrdx_discharges_monthly)
    union all
    select 'sum_interventions_by_patient_group_yearly',
           (select count(*) from marts.fct_interventions),
           (select coalesce(sum(interventions), 0) from marts.sum_interventions_by_patient_group_yearly)
    union all
    select 'sum_coding_quality_monthly',
           (select count(*) from marts.fct_abstracts),
           (select coalesce(sum(abstracts), 0) from marts.sum_coding_quality_monthly)
    union all
    select 'sum_readmissions_monthly',
           (select count(*) from marts.fct_readmissions),
           (select coalesce(sum(index_episodes), 0) from marts.sum_readmissions_monthly)
)
select * from totals where facts <> summarised
