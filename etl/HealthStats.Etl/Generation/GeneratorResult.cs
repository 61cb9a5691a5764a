namespace HealthStats.Etl.Generation;

/// <summary>How many abstracts were written and how many of them were miscoded, by error type.</summary>
public sealed record GeneratorResult(int Abstracts, int Miscoded, IReadOnlyDictionary<string, int> MiscodedByErrorType);
