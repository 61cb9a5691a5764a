namespace HealthStats.Etl.Generation;

/// <summary>The formats the generator writes, and the abstracts file each is written to.</summary>
public static class AbstractFormats
{
    public const string Csv = "csv";
    public const string JsonLines = "jsonl";
    public const string Fhir = "fhir";

    public static readonly IReadOnlyList<string> All = [Csv, JsonLines, Fhir];

    public static string FileName(string format) => format switch
    {
        Csv => "abstracts.csv",
        JsonLines => "abstracts.jsonl",
        Fhir => "abstracts.fhir.ndjson",
        _ => throw new ArgumentException($"--format must be one of {string.Join(", ", All)} (got '{format}').", nameof(format)),
    };

    internal static IAbstractWriter Writer(string format, TextWriter output) => format switch
    {
        JsonLines => new AbstractJsonLinesWriter(output),
        Fhir => new AbstractFhirWriter(output),
        _ => new AbstractCsvWriter(output),
    };
}
