namespace HealthStats.Etl.Generation;

/// <summary>
/// What to generate: <paramref name="Abstracts"/> abstracts from <paramref name="Facilities"/> facilities,
/// discharged over <paramref name="FiscalYears"/> fiscal years (April 1 to March 31) starting with
/// <paramref name="FirstFiscalYear"/>, a share <paramref name="ErrorRate"/> of them miscoded, written
/// as <paramref name="Format"/> (csv, jsonl or fhir: the same abstracts in each). The same options
/// always give the same bytes.
/// </summary>
public sealed record GeneratorOptions(
    int Abstracts,
    int Seed,
    int Facilities = 5,
    int FirstFiscalYear = 2023,
    int FiscalYears = 3,
    double ErrorRate = 0.0,
    string Format = AbstractFormats.Csv)
{
    /// <summary>Throws an ArgumentException naming the command-line option that is out of range.</summary>
    internal void Validate()
    {
        if (Abstracts < 0)
            throw new ArgumentException($"--abstracts must be 0 or more (got {Abstracts}).", nameof(Abstracts));
        if (Facilities is < 1 or > 999)
            throw new ArgumentException($"--facilities must be between 1 and 999 (got {Facilities}).", nameof(Facilities));
        if (FirstFiscalYear is < 1900 or > 9000)
            throw new ArgumentException($"--first-fiscal-year must be between 1900 and 9000 (got {FirstFiscalYear}).", nameof(FirstFiscalYear));
        if (FiscalYears < 1 || FiscalYears > 100)
            throw new ArgumentException($"--fiscal-years must be between 1 and 100 (got {FiscalYears}).", nameof(FiscalYears));
        if (double.IsNaN(ErrorRate) || ErrorRate < 0 || ErrorRate > 1)
            throw new ArgumentException($"--error-rate must be between 0 and 1 (got {ErrorRate}).", nameof(ErrorRate));
        if (!AbstractFormats.All.Contains(Format))
            throw new ArgumentException($"--format must be one of {string.Join(", ", AbstractFormats.All)} (got '{Format}').", nameof(Format));
    }
}
