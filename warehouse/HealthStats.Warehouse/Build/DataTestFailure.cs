namespace HealthStats.Warehouse.Build;

/// <summary>A data test that returned rows: how many, and the first few.</summary>
public sealed record DataTestFailure(string Test, long Rows, IReadOnlyList<string> Sample)
{
    public override string ToString() => $"{Test}: {Rows} failing row(s), e.g. {string.Join(" | ", Sample)}";
}
