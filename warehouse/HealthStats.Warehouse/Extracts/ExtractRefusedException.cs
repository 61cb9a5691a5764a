namespace HealthStats.Warehouse.Extracts;

/// <summary>The extract would release something the disclosure auditor does not pass: nothing is written.</summary>
public sealed class ExtractRefusedException(string message) : InvalidOperationException(message);
