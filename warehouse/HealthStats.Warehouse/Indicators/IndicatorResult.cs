namespace HealthStats.Warehouse.Indicators;

/// <summary>An indicator's rows for one request, and which of the optional columns it has.</summary>
public sealed record IndicatorResult(Indicator Indicator, IReadOnlyList<string> By, IReadOnlyList<IndicatorRow> Rows)
{
    public bool HasNumerator => Indicator.Denominator is not null;

    public bool HasInterval => Indicator.HasInterval;
}
