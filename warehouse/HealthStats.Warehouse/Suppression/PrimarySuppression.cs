namespace HealthStats.Warehouse.Suppression;

/// <summary>The cells a policy suppresses for what they are, before complementary suppression protects them.</summary>
public static class PrimarySuppression
{
    /// <param name="regionPopulations">People per region code, for the policy's minimum region population; a region without one is not judged by it.</param>
    public static SuppressionReason?[] Apply(
        LinkedTables tables, SuppressionPolicy policy, IReadOnlyDictionary<string, long>? regionPopulations = null)
    {
        if (policy.MinimumRegionPopulation is not null && regionPopulations is null)
            throw new ArgumentException($"policy {policy.Name} has a minimum region population, so it needs the regions' populations");
        return tables.Cells.Select(cell => ReasonFor(cell, policy, regionPopulations)).ToArray();
    }

    private static SuppressionReason? ReasonFor(TableCell cell, SuppressionPolicy policy, IReadOnlyDictionary<string, long>? regionPopulations)
    {
        if (policy.MinimumRegionPopulation is { } minimum
            && cell.Coordinate(policy.RegionDimension) is { } region
            && regionPopulations!.TryGetValue(region, out var population)
            && population < minimum)
            return SuppressionReason.SmallPopulation;
        if (policy.IsSmall(cell.Count))
            return SuppressionReason.SmallCount;
        if (cell.Count == 0 && policy.SuppressZeros)
            return SuppressionReason.Zero;
        return null;
    }
}
