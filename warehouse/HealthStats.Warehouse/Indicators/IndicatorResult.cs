namespace HealthStats.Warehouse.Indicators;

/// <summary>An indicator's rows for one request, and which of the optional columns it has.</summary>
public sealed record IndicatorResult(Indicator Indicator, IReadOnlyList<string> By, IReadOnlyList<IndicatorRow> Rows)
{
    public bool HasNumerator => Indicator.Denominator is not null;

    public bool HasInterval => Indicator.HasInterval;

    /// <summary>The dimension columns of each row, in order: the --by dimensions, each code followed by its title where it has one.</summary>
    public IReadOnlyList<string> Columns { get; } =
        By.SelectMany(id => Indicator.Dimensions.First(d => d.Id == id) is { HasTitle: true } d ? [id, d.TitleColumn] : new[] { id }).ToList();
}
