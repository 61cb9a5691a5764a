namespace HealthStats.Etl.Deidentification;

/// <summary>No usable pseudonymisation key: the message says how to configure one, and never holds a key's text.</summary>
public sealed class HmacKeyMissingException(string message) : InvalidOperationException(message);
