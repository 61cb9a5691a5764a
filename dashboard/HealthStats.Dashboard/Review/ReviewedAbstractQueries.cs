using System.Text.Json;
using HealthStats.Etl.Ingest.Validation;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Review;

/// <summary>One abstract for the review page, and the correctly coded abstracts most like it.</summary>
public sealed class ReviewedAbstractQueries(WarehouseDatabase database)
{
    public const int SimilarShown = 5;

    private static readonly Dictionary<string, string> RuleDescriptions =
        ValidationRules.All.ToDictionary(r => r.Id, r => r.Description, StringComparer.Ordinal);

    /// <summary>The current version of the abstract, or null when there is none (never loaded, or deleted).</summary>
    public ReviewedAbstract? Find(string facilityId, string abstractId)
    {
        using var connection = database.OpenConnection();
        var head = connection.Rows("""
            select batch_id, sex, age_years, residence_region, admit_date, discharge_date, los_days, alc_days,
                admit_category, discharge_disposition, coder_id
            from marts.fct_abstracts
            where facility_id = $1 and abstract_id = $2
            """, r => new
            {
                BatchId = r.GetString(0), Sex = r.GetString(1), Age = r.GetInt32(2), Region = r.IsDBNull(3) ? null : r.GetString(3),
                Admit = DateOnly.FromDateTime(r.GetDateTime(4)), Discharge = DateOnly.FromDateTime(r.GetDateTime(5)),
                Los = r.GetInt32(6), Alc = r.GetInt32(7), AdmitCategory = r.GetString(8), Disposition = r.GetString(9), Coder = r.GetString(10),
            }, facilityId, abstractId).SingleOrDefault();
        if (head is null)
            return null;
        var diagnoses = connection.Rows(
            "select seq, code, title, type from marts.fct_diagnoses where facility_id = $1 and abstract_id = $2 order by seq",
            r => new CodedLine(r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), null), facilityId, abstractId);
        var interventions = connection.Rows(
            "select seq, code, title, intervention_date from marts.fct_interventions where facility_id = $1 and abstract_id = $2 order by seq",
            r => new CodedLine(r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), null, DateOnly.FromDateTime(r.GetDateTime(3))),
            facilityId, abstractId);
        var edits = connection.Rows(
            "select rule_id, field from staging.stg_warning_versions where facility_id = $1 and abstract_id = $2 and batch_id = $3 order by rule_id, field",
            r => new FiredEdit(r.GetString(0), r.GetString(1), RuleDescriptions.GetValueOrDefault(r.GetString(0), "")), facilityId, abstractId, head.BatchId);
        var score = connection.Rows(
            "select score, reasons, supervised_model, anomaly_model, scored_at, batch_id from coding.scores where facility_id = $1 and abstract_id = $2",
            r => new AbstractScore(r.GetDouble(0), JsonSerializer.Deserialize<string[]>(r.GetString(1)) ?? [], r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.GetDateTime(4), r.GetString(5) == head.BatchId),
            facilityId, abstractId).SingleOrDefault();
        var outcomes = connection.Rows("""
            select outcome, error_type, corrected_codes, reviewer_id, reviewed_date, source, recorded_at
            from coding.audit_outcomes where facility_id = $1 and abstract_id = $2 order by outcome_id desc
            """, r => new RecordedOutcome(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : DateOnly.FromDateTime(r.GetDateTime(4)), r.GetString(5), r.GetDateTime(6)),
            facilityId, abstractId);
        return new ReviewedAbstract(facilityId, abstractId, head.BatchId, head.Sex, head.Age, head.Region, head.Admit, head.Discharge, head.Los, head.Alc,
            head.AdmitCategory, head.Disposition, head.Coder, diagnoses, interventions, edits, score, outcomes);
    }

    /// <summary>
    /// Abstracts whose latest audit outcome is correct, with the same MRDx category: the same MRDx code first, then
    /// the nearest in age and length of stay.
    /// </summary>
    public IReadOnlyList<SimilarAbstract> Similar(ReviewedAbstract of)
    {
        using var connection = database.OpenConnection();
        return connection.Rows("""
            with latest_outcomes as (
                select facility_id, abstract_id, outcome
                from coding.audit_outcomes
                qualify row_number() over (partition by facility_id, abstract_id order by outcome_id desc) = 1
            ),
            correct as (
                select a.facility_id, a.abstract_id, a.mrdx_code, a.mrdx_title, a.sex, a.age_years, a.los_days
                from marts.fct_abstracts a
                semi join latest_outcomes o on o.facility_id = a.facility_id and o.abstract_id = a.abstract_id and o.outcome = 'correct'
                where a.mrdx_category = left($1, 3) and not (a.facility_id = $2 and a.abstract_id = $3)
            ),
            nearest as (
                select * from correct
                order by (mrdx_code = $1) desc, abs(age_years - $4) + abs(los_days - $5), facility_id, abstract_id
                limit $6
            ),
            diagnoses as (
                select d.facility_id, d.abstract_id, list(d.code order by d.seq) filter (where d.type <> 'M') as codes
                from marts.fct_diagnoses d semi join nearest n using (facility_id, abstract_id)
                group by all
            ),
            interventions as (
                select i.facility_id, i.abstract_id, list(i.code order by i.seq) as codes
                from marts.fct_interventions i semi join nearest n using (facility_id, abstract_id)
                group by all
            ),
            final as (
                select n.*, coalesce(d.codes, []::varchar[]) as other_diagnoses, coalesce(i.codes, []::varchar[]) as interventions
                from nearest n
                left join diagnoses d using (facility_id, abstract_id)
                left join interventions i using (facility_id, abstract_id)
            )
            select * from final
            order by (mrdx_code = $1) desc, abs(age_years - $4) + abs(los_days - $5), facility_id, abstract_id
            """, r => new SimilarAbstract(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
                r.GetInt32(5), r.GetInt32(6), Strings(r.GetValue(7)), Strings(r.GetValue(8))),
            of.MrdxCode, of.FacilityId, of.AbstractId, of.AgeYears, of.LosDays, SimilarShown);
    }

    private static List<string> Strings(object list) => ((IEnumerable<object>)list).Select(o => (string)o).ToList();
}
