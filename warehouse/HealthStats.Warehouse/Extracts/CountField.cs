namespace HealthStats.Warehouse.Extracts;

/// <summary>Which number of an indicator row is a count.</summary>
public enum CountField
{
    Value,
    Numerator,
    Denominator,
}
