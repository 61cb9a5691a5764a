using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Dashboard.Figures;

/// <summary>
/// Several indicators computed by the same dimensions under the page's filters, joined on those
/// dimensions' values: one table row per combination that any of them has, one column per indicator.
/// Each indicator keeps the list of filters it has no dimension for.
/// </summary>
public sealed record JoinedIndicators(
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<JoinedRow> Rows,
    IReadOnlyDictionary<string, IReadOnlyList<string>> NotAppliedTo)
{
    public IEnumerable<string> NotApplied => NotAppliedTo.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal);

    public static JoinedIndicators Compute(CachedIndicators cache, DashboardFilter filter, FilterChoices choices, IReadOnlyList<string> indicatorIds, IReadOnlyList<string> by)
    {
        var indicators = indicatorIds.Select(IndicatorLibrary.Find).ToList();
        var notApplied = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var joined = new Dictionary<string, (IReadOnlyList<string> Key, Dictionary<string, IndicatorRow> Rows)>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            var request = FilteredRequest.For(indicator, filter, choices, by);
            notApplied[indicator.Id] = request.NotApplied;
            foreach (var row in cache.Compute(indicator.Id, request.Request).Rows)
            {
                var key = by.Select(d => row.Dimension(d) ?? "").ToList();
                var text = string.Join('\u001f', key);
                if (!joined.TryGetValue(text, out var entry))
                    joined[text] = entry = (key, new Dictionary<string, IndicatorRow>(StringComparer.Ordinal));
                entry.Rows[indicator.Id] = row;
            }
        }
        var rows = joined.Values
            .Select(e => new JoinedRow(e.Key, e.Rows))
            .OrderBy(r => string.Join('\u001f', r.Key), StringComparer.Ordinal)
            .ToList();
        return new JoinedIndicators(indicators, rows, notApplied);
    }
}

/// <summary>One combination of dimension values (in the --by order) and each indicator's row for it, where it has one.</summary>
public sealed record JoinedRow(IReadOnlyList<string> Key, IReadOnlyDictionary<string, IndicatorRow> Rows)
{
    public IndicatorRow? Row(string indicatorId) => Rows.GetValueOrDefault(indicatorId);

    public double? Value(string indicatorId) => Row(indicatorId)?.Value;
}
