using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Indicators;

/// <summary>
/// Every indicator HealthStats serves, defined once: the CLI's `stats`, the dashboard and extracts ask
/// this library, and so serve the same numbers from the same definitions.
/// </summary>
public static class IndicatorLibrary
{
    public static IReadOnlyList<Indicator> All { get; } = [.. VolumeIndicators.All, .. PopulationRateIndicators.All, .. StayIndicators.All, .. CodeIndicators.All, .. ComorbidityIndicators.All, .. CodingIndicators.All];

    /// <summary>Every dimension some indicator takes, by id and definition (an id such as age_group means the population's groups in rates).</summary>
    public static IReadOnlyList<Dimension> AllDimensions { get; } =
        All.SelectMany(i => i.Dimensions).Distinct().ToList();

    public static Indicator Find(string id) =>
        All.FirstOrDefault(i => i.Id == id)
        ?? throw new IndicatorRequestException(
            $"unknown indicator '{id}'; the indicators are: {string.Join(", ", All.Select(i => i.Id))}");

    /// <summary>Computes the indicator on the warehouse, after checking that it takes each dimension asked for.</summary>
    public static IndicatorResult Compute(WarehouseDatabase database, string indicatorId, IndicatorRequest request)
    {
        using var connection = database.OpenConnection();
        return Compute(connection, indicatorId, request);
    }

    /// <summary>On the caller's connection: within its transaction, several indicators read one state of the warehouse.</summary>
    public static IndicatorResult Compute(DuckDB.NET.Data.DuckDBConnection connection, string indicatorId, IndicatorRequest request)
    {
        var indicator = Find(indicatorId);
        foreach (var id in request.By.Concat(request.Where.Select(w => w.Key)))
            indicator.DimensionNamed(id);
        var repeated = request.By.GroupBy(b => b).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new IndicatorRequestException($"dimension '{repeated.Key}' is named twice in --by");
        if (request.Top is < 1)
            throw new IndicatorRequestException($"--top takes a number of rows from 1, not {request.Top}");
        request = request with { By = indicator.Breakdown(request.By) };
        IReadOnlyList<IndicatorRow> rows;
        try
        {
            rows = indicator.Compute(connection, request);
        }
        catch (DuckDB.NET.Data.DuckDBException ex)
        {
            // A model missing or older than this release: say which indicator, not where in DuckDB.
            throw new InvalidOperationException($"Computing {indicator.Id} failed: {ex.Message}", ex);
        }
        return new IndicatorResult(indicator, request.By, request.Top is { } top ? Top(rows, request.By, top) : rows);
    }

    // The top rows by value of the last --by dimension within each combination of the others (in their order).
    private static List<IndicatorRow> Top(IReadOnlyList<IndicatorRow> rows, IReadOnlyList<string> by, int top)
    {
        var others = by.Take(Math.Max(0, by.Count - 1)).ToHashSet(StringComparer.Ordinal);
        return rows
            .GroupBy(r => string.Join('\u001f', r.Dimensions.Where(d => others.Contains(d.Key)).Select(d => d.Value)))
            .SelectMany(g => g.OrderByDescending(r => r.Value ?? double.NegativeInfinity).Take(top))
            .ToList();
    }
}
