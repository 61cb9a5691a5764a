namespace HealthStats.Warehouse.Indicators;

/// <summary>A request the library cannot answer (an unknown indicator, dimension or value, a missing standard population): its message names what and why.</summary>
public sealed class IndicatorRequestException(string message) : ArgumentException(message);
