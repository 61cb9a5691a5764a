namespace HealthStats.Warehouse.Suppression;

/// <summary>Why a cell's count (and with it its derived values) is not released.</summary>
public enum SuppressionReason
{
    /// <summary>Primary: a count from 1 to the policy's threshold minus 1.</summary>
    SmallCount,

    /// <summary>Primary: a zero count, under a policy that suppresses zeros.</summary>
    Zero,

    /// <summary>Primary: a cell of a region with fewer people than the policy's minimum.</summary>
    SmallPopulation,

    /// <summary>Complementary: suppressed so that no other suppressed count can be worked out from what is released.</summary>
    Complementary,
}
