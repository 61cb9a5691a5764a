using System.Text.Json;
using HealthStats.Etl.Fuzzing;
using HealthStats.Etl.Generation;

namespace HealthStats.Cli.Commands;

internal sealed class FuzzCommand : ICommand
{
    public string Name => "fuzz";

    public string Summary => "Feeds random mutants of generated files to the readers and validation; exits non-zero on any finding.";

    public string Usage =>
        "usage: healthstats fuzz [--format csv|jsonl|fhir] [--seconds N] [--seed S] [--findings DIR] [--json]\n" +
        "  --format F      the reader to fuzz (default: each of the three in turn)\n" +
        "  --seconds N     how long per format (default 10)\n" +
        "  --seed S        the same seed gives the same mutants (default 1)\n" +
        "  --findings DIR  where mutants that crash or hang a reader are saved, each with its error (default ./fuzz-findings)\n" +
        "  --json          print the reports as one JSON array\n" +
        "A finding is any outcome but records (loaded or quarantined with a rule) or the file-level error ingest\n" +
        "reports for a file it cannot read. Runs on a scratch warehouse: the data directory is not touched.";

    public IReadOnlyCollection<string> ValueOptions => ["format", "seconds", "seed", "findings"];

    public IReadOnlyCollection<string> Flags => ["json"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        var formats = line.Value("format") is { } format ? [format] : AbstractFormats.All;
        if (formats.FirstOrDefault(f => !AbstractFormats.All.Contains(f)) is { } unknown)
            throw new UsageException($"--format must be one of {string.Join(", ", AbstractFormats.All)} (got '{unknown}')");
        var seconds = line.Int("seconds", 10);
        if (seconds < 1)
            throw new UsageException("--seconds must be 1 or more");
        var seed = line.Int("seed", 1);
        var findings = Path.GetFullPath(line.Value("findings") ?? "fuzz-findings");

        var scratch = Path.Combine(Path.GetTempPath(), $"healthstats-fuzz-{Guid.NewGuid():N}");
        var reports = new List<FuzzReport>();
        try
        {
            var fuzzer = ReaderFuzzer.Create(scratch);
            foreach (var f in formats)
            {
                cancellationToken.ThrowIfCancellationRequested();
                reports.Add(fuzzer.Run(f, TimeSpan.FromSeconds(seconds), seed, findings));
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        if (line.Flag("json"))
            context.Out.WriteLine(JsonSerializer.Serialize(reports));
        else
            WriteTable(context.Out, reports);
        return Task.FromResult(reports.Sum(r => r.Findings.Count) > 0 ? 1 : 0);
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<FuzzReport> reports)
    {
        output.WriteLine($"{"format",-7} {"inputs",9} {"per s",8} {"file errors",12} {"records",9} {"quarantined",12} {"findings",9}");
        foreach (var r in reports)
            output.WriteLine($"{r.Format,-7} {r.Inputs,9:N0} {r.InputsPerSecond,8:N0} {r.FileErrors,12:N0} {r.Records,9:N0} {r.Quarantined,12:N0} {r.Findings.Count,9:N0}");
        foreach (var finding in reports.SelectMany(r => r.Findings))
            output.WriteLine($"finding ({finding.Format}): {finding.Error}{(finding.File is null ? "" : $"\n  saved as {finding.File}")}");
    }
}
