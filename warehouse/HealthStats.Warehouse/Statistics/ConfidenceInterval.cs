namespace HealthStats.Warehouse.Statistics;

/// <summary>A rate with its confidence limits, all in the same unit.</summary>
public readonly record struct ConfidenceInterval(double Value, double Low, double High);
