namespace HealthStats.Warehouse.Extracts;

/// <summary>Where a column's values come from.</summary>
public enum ExtractColumnKind
{
    /// <summary>A dimension's code or title (never suppressed).</summary>
    Dimension,

    /// <summary>The governing count; empty where suppressed.</summary>
    Count,

    /// <summary>Whether the governing count, and every value computed from it, is suppressed.</summary>
    CountSuppressed,

    /// <summary>The denominator that is itself a count of people; empty where suppressed.</summary>
    DenominatorCount,

    DenominatorSuppressed,

    /// <summary>A value computed from the counts (the indicator's value, numerator, denominator, limits); empty where a count it comes from is suppressed.</summary>
    Derived,
}
