using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Review;

/// <summary>
/// Confirmed error rates: of the audited abstracts (each counted once, by its latest outcome, imported or decided
/// here), the share found miscoded, by month of review and by coder, facility and error type. Coder and facility
/// are those of the abstract's current version.
/// </summary>
public sealed class CodingQualityQueries(WarehouseDatabase database)
{
    public IReadOnlyList<OutcomeCount> Counts()
    {
        using var connection = database.OpenConnection();
        return connection.Rows("""
            with latest_outcomes as (
                select facility_id, abstract_id, outcome, error_type, coalesce(reviewed_date, recorded_at::date) as reviewed_on
                from coding.audit_outcomes
                qualify row_number() over (partition by facility_id, abstract_id order by outcome_id desc) = 1
            ),
            final as (
                select date_trunc('month', o.reviewed_on)::date as month, o.facility_id, a.coder_id, o.outcome,
                    case when o.outcome = 'miscoded' then coalesce(o.error_type, 'unspecified') end as error_type, count(*) as abstracts
                from latest_outcomes o
                join marts.fct_abstracts a using (facility_id, abstract_id)
                group by all
            )
            select * from final order by month, facility_id, coder_id, outcome, error_type
            """, r => new OutcomeCount(DateOnly.FromDateTime(r.GetDateTime(0)), r.GetString(1), r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetInt64(5)));
    }

    /// <summary>Error rates by a group (coder, facility, or "All") and month, and over all months (Month null).</summary>
    public static IReadOnlyList<ErrorRate> Rates(IReadOnlyList<OutcomeCount> counts, Func<OutcomeCount, string> group) =>
        [
            .. counts.GroupBy(c => (Group: group(c), c.Month))
                .Select(g => Rate(g.Key.Group, g.Key.Month, g))
                .Concat(counts.GroupBy(group).Select(g => Rate(g.Key, null, g)))
                .OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Month ?? DateOnly.MaxValue),
        ];

    /// <summary>Confirmed errors by type and month, as a share of the month's audited abstracts.</summary>
    public static IReadOnlyList<ErrorRate> ByErrorType(IReadOnlyList<OutcomeCount> counts)
    {
        var audited = counts.GroupBy(c => c.Month).ToDictionary(g => g.Key, g => g.Sum(c => c.Abstracts));
        var total = counts.Sum(c => c.Abstracts);
        var miscoded = counts.Where(c => c.ErrorType is not null).ToList();
        return
        [
            .. miscoded.GroupBy(c => (Type: c.ErrorType!, c.Month))
                .Select(g => new ErrorRate(g.Key.Type, g.Key.Month, audited[g.Key.Month], g.Sum(c => c.Abstracts)))
                .Concat(miscoded.GroupBy(c => c.ErrorType!).Select(g => new ErrorRate(g.Key, null, total, g.Sum(c => c.Abstracts))))
                .OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Month ?? DateOnly.MaxValue),
        ];
    }

    private static ErrorRate Rate(string group, DateOnly? month, IEnumerable<OutcomeCount> counts)
    {
        long audited = 0, miscoded = 0;
        foreach (var c in counts)
        {
            audited += c.Abstracts;
            if (c.Outcome == "miscoded")
                miscoded += c.Abstracts;
        }
        return new ErrorRate(group, month, audited, miscoded);
    }
}
