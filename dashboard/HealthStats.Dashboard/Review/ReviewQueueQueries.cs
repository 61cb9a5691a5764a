using System.Text.Json;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.Options;
using HealthStats.Dashboard.Hosting;

namespace HealthStats.Dashboard.Review;

/// <summary>
/// The supervisors' queue, read from the scores of the current abstract versions (a score of an older version
/// waits for the next scoring). An abstract with any audit outcome, imported or decided here, is out of the
/// queue; decisions made here count against the week's budget, imported ones do not (they are another audit's work).
/// The week is the week of discharge, Monday to Sunday: abstracts arrive weeks after discharge, so a week's
/// queue fills as its abstracts are submitted and scored.
/// </summary>
public sealed class ReviewQueueQueries(WarehouseDatabase database, IOptions<HealthStatsOptions> options)
{
    /// <summary>How many past weeks the week picker offers.</summary>
    public const int WeeksOffered = 104;

    public int BudgetPerFacility => Math.Max(1, options.Value.Review.WeeklyBudgetPerFacility);

    /// <summary>The Mondays of the weeks with scored abstracts, newest first.</summary>
    public IReadOnlyList<DateOnly> Weeks()
    {
        using var connection = database.OpenConnection();
        return connection.Rows("""
            select distinct date_trunc('week', a.discharge_date)::date as week
            from marts.fct_abstracts a
            semi join coding.scores s on s.facility_id = a.facility_id and s.abstract_id = a.abstract_id and s.batch_id = a.batch_id
            order by week desc
            limit $1
            """, r => DateOnly.FromDateTime(r.GetDateTime(0)), WeeksOffered);
    }

    public ReviewQueue Queue(ReviewQueueFilter filter)
    {
        var weeks = Weeks();
        using var connection = database.OpenConnection();
        var week = filter.Week.ToDateTime(TimeOnly.MinValue);
        var decided = connection.Rows("""
            with reviewed as (
                select distinct facility_id, abstract_id from coding.audit_outcomes where source = 'review'
            ),
            final as (
                select a.facility_id, count(*)::integer as decided
                from marts.fct_abstracts a
                semi join reviewed r using (facility_id, abstract_id)
                where a.discharge_date >= $1::date and a.discharge_date < $1::date + 7
                group by a.facility_id
            )
            select * from final
            """, r => (Facility: r.GetString(0), Decided: r.GetInt32(1)), week).ToDictionary(d => d.Facility, d => d.Decided, StringComparer.Ordinal);
        var items = connection.Rows("""
            with scored as (
                select a.facility_id, a.abstract_id, a.batch_id, a.discharge_date, a.coder_id, a.mrdx_code, a.mrdx_title, s.score, s.reasons
                from marts.fct_abstracts a
                join coding.scores s on s.facility_id = a.facility_id and s.abstract_id = a.abstract_id and s.batch_id = a.batch_id
                where a.discharge_date >= $1::date and a.discharge_date < $1::date + 7
            ),
            audited as (
                select distinct facility_id, abstract_id from coding.audit_outcomes
            ),
            waiting as (
                select s.*, row_number() over (partition by s.facility_id order by s.score desc, s.abstract_id) as rank_in_facility
                from scored s
                anti join audited o using (facility_id, abstract_id)
            ),
            queued as (
                select * from waiting where rank_in_facility <= $2
            ),
            edits as (
                select w.facility_id, w.abstract_id, list(distinct w.rule_id order by w.rule_id) as edits
                from staging.stg_warning_versions w
                semi join queued q using (facility_id, abstract_id, batch_id)
                group by w.facility_id, w.abstract_id
            ),
            final as (
                select q.facility_id, q.abstract_id, q.score, q.rank_in_facility::integer, q.discharge_date, q.coder_id,
                    q.mrdx_code, q.mrdx_title, coalesce(e.edits, []::varchar[]) as edits, q.reasons
                from queued q
                left join edits e using (facility_id, abstract_id)
            )
            select * from final order by score desc, facility_id, abstract_id
            """, r => new QueuedAbstract(
                r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetInt32(3), DateOnly.FromDateTime(r.GetDateTime(4)), r.GetString(5),
                r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), ((IEnumerable<object>)r.GetValue(8)).Select(e => (string)e).ToList(),
                JsonSerializer.Deserialize<string[]>(r.GetString(9)) ?? []),
            week, BudgetPerFacility);
        // Each facility's budget less what was decided this week (the query took the whole budget).
        items = [.. items.Where(i => i.RankInFacility <= BudgetPerFacility - decided.GetValueOrDefault(i.FacilityId))];
        var shown = items.Where(i =>
                (filter.Facility is null || i.FacilityId == filter.Facility)
                && (filter.Coder is null || i.CoderId == filter.Coder)
                && (filter.Edit is null || i.Edits.Contains(filter.Edit))
                && (filter.ErrorType is null || i.SuggestedErrorTypes.Contains(filter.ErrorType)))
            .ToList();
        return new ReviewQueue(filter, BudgetPerFacility, shown, items.Count, decided, weeks)
        {
            Facilities = [.. items.Select(i => i.FacilityId).Distinct().Order(StringComparer.Ordinal)],
            Coders = [.. items.Select(i => i.CoderId).Distinct().Order(StringComparer.Ordinal)],
            Edits = [.. items.SelectMany(i => i.Edits).Distinct().Order(StringComparer.Ordinal)],
        };
    }
}
