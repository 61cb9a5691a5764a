using HealthStats.Etl.Generation;

namespace HealthStats.Cli.Commands;

internal sealed class GenerateCommand : ICommand
{
    public string Name => "generate";

    public string Summary => "Writes synthetic abstracts (abstracts.csv, .jsonl or .fhir.ndjson) and what was miscoded in them (truth.csv).";

    public string Usage =>
        "usage: healthstats generate --abstracts N --seed S --out DIR [--facilities K] [--first-fiscal-year Y]\n" +
        "                            [--fiscal-years K] [--error-rate R] [--format csv|jsonl|fhir]\n" +
        "  --abstracts N          how many abstracts\n" +
        "  --seed S               the same seed gives the same files, byte for byte\n" +
        "  --out DIR              where the abstracts file and truth.csv go\n" +
        "  --facilities K         submitting facilities (default 5)\n" +
        "  --first-fiscal-year Y  first fiscal year, April 1 Y to March 31 Y+1 (default 2023)\n" +
        "  --fiscal-years K       how many fiscal years (default 3)\n" +
        "  --error-rate R         share of abstracts miscoded on purpose, 0 to 1 (default 0)\n" +
        "  --format F             csv (abstracts.csv, the default), jsonl (abstracts.jsonl: JSON Lines) or\n" +
        "                         fhir (abstracts.fhir.ndjson: one FHIR R4 Bundle per line); the same abstracts in each";

    public IReadOnlyCollection<string> ValueOptions => ["abstracts", "seed", "out", "facilities", "first-fiscal-year", "fiscal-years", "error-rate", "format"];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        var options = new GeneratorOptions(
            Abstracts: line.Int("abstracts"),
            Seed: line.Int("seed"),
            Facilities: line.Int("facilities", 5),
            FirstFiscalYear: line.Int("first-fiscal-year", 2023),
            FiscalYears: line.Int("fiscal-years", 3),
            ErrorRate: line.Double("error-rate", 0),
            Format: line.Value("format") ?? AbstractFormats.Csv);
        var outDirectory = line.Required("out");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = AbstractGenerator.Generate(options, outDirectory);
        context.Out.WriteLine(
            $"wrote {result.Abstracts:N0} abstracts ({result.Miscoded:N0} miscoded) to {Path.Combine(outDirectory, AbstractFormats.FileName(options.Format))} " +
            $"and truth.csv in {started.Elapsed.TotalSeconds:F1} s ({result.Abstracts / Math.Max(started.Elapsed.TotalSeconds, 0.001):N0} abstracts/s)");
        foreach (var (type, count) in result.MiscodedByErrorType.OrderBy(p => p.Key, StringComparer.Ordinal))
            context.Out.WriteLine($"  {type,-22} {count,8:N0}");
        return Task.FromResult(0);
    }
}
