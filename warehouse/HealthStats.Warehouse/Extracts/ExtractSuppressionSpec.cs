using HealthStats.Warehouse.Suppression;

namespace HealthStats.Warehouse.Extracts;

/// <summary>The spec's suppression settings: a named policy, each setting given overriding it.</summary>
public sealed record ExtractSuppressionSpec(
    string? Policy, int? Threshold, int? ProtectionWidth, bool? SuppressZeros, bool MinimumRegionPopulationGiven, long? MinimumRegionPopulation)
{
    public SuppressionPolicy ToPolicy()
    {
        var named = Policy switch
        {
            "CIHI" => SuppressionPolicy.Cihi,
            "HCUP" => SuppressionPolicy.Hcup,
            "CMS" => SuppressionPolicy.Cms,
            null => null,
            _ => throw new ArgumentException($"unknown suppression policy '{Policy}'"),
        };
        var threshold = Threshold ?? named?.Threshold ?? throw new ArgumentException("the suppression policy needs a threshold");
        var changed = named is null || Threshold is not null || ProtectionWidth is not null || SuppressZeros is not null || MinimumRegionPopulationGiven;
        return new SuppressionPolicy
        {
            // A named policy changed in any setting is no longer that policy: say so in the manifest.
            Name = named is null ? "custom" : changed ? $"{named.Name} (modified)" : named.Name,
            Threshold = threshold,
            ProtectionWidth = ProtectionWidth ?? named?.ProtectionWidth,
            SuppressZeros = SuppressZeros ?? named?.SuppressZeros ?? false,
            MinimumRegionPopulation = MinimumRegionPopulationGiven ? MinimumRegionPopulation : named?.MinimumRegionPopulation,
        };
    }
}
