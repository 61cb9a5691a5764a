using System.Diagnostics;
using System.Text;
using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Generation;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Csv;
using HealthStats.Etl.Ingest.Validation;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.CodeEdits;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Fuzzing;

/// <summary>
/// Feeds random mutants of valid generated files through the path ingest takes before the warehouse:
/// <see cref="AbstractSources"/> (decompression, decoding, the reader) and <see cref="ParallelChecking"/>
/// (validation and de-identification). A mutant may only give records (loaded or quarantined, each
/// rejection with its rule) or an <see cref="AbstractFormatException"/>, the file-level error that ingest
/// reports; any other exception, a rejection without a reason, or no answer within
/// <see cref="HangLimit"/> is a finding, saved with its mutant.
/// </summary>
public sealed class ReaderFuzzer
{
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    private const int SeedAbstracts = 8;
    private const int MaxSavedFindings = 20;

    private readonly WarehouseDatabase database;
    private readonly Deidentifier deidentifier;
    private int imports;

    private ReaderFuzzer(WarehouseDatabase database)
    {
        this.database = database;
        deidentifier = new Deidentifier(new Pseudonymiser(HmacKeyStore.LoadOrCreate(database.DataDirectory))); // a scratch directory of its own
    }

    /// <summary>A fuzzer on a scratch warehouse in the folder: the standard code lists, and the seeds' own codes as its classification.</summary>
    public static ReaderFuzzer Create(string scratchDirectory)
    {
        var database = new WarehouseDatabase(new DataDirectory(scratchDirectory));
        database.Initialize();
        return new ReaderFuzzer(database);
    }

    /// <summary>
    /// A validator whose classification holds the seeds' codes, so that unmutated records load and the
    /// mutants reach the checks after classification too, not only K01.
    /// </summary>
    private AbstractValidator ValidatorFor(byte[] csvSeed)
    {
        var diagnoses = new HashSet<string>(StringComparer.Ordinal);
        var interventions = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = new AbstractCsvReader(new StringReader(Encoding.UTF8.GetString(csvSeed)), "seed.csv"))
        {
            foreach (var record in reader.ReadAll())
            {
                diagnoses.UnionWith(record.Diagnoses.Where(d => d.Code is not null).Select(d => ClassificationFiles.NormaliseCode(d.Code!)));
                interventions.UnionWith(record.Interventions.Where(p => p.Code is not null).Select(p => ClassificationFiles.NormaliseCode(p.Code!)));
            }
        }
        var store = new ClassificationStore(database);
        imports++;
        store.Import(new ClassificationImport(ClassificationKind.Diagnosis, $"FUZZ-DX-{imports}", new DateOnly(1900, 1, 1), null, "fuzz seeds"),
            diagnoses.Select(c => new ClassificationCode(c, "fuzz seed code", true)));
        store.Import(new ClassificationImport(ClassificationKind.Intervention, $"FUZZ-PX-{imports}", new DateOnly(1900, 1, 1), null, "fuzz seeds"),
            interventions.Select(c => new ClassificationCode(c, "fuzz seed code", true)));
        CodeLists codeLists;
        using (var connection = database.OpenConnection())
            codeLists = CodeLists.Load(connection);
        return new AbstractValidator(codeLists, store.LoadSnapshot(), null, new CodeEditStore(database).LoadSnapshot());
    }

    public FuzzReport Run(string format, TimeSpan duration, int seed, string? findingsDirectory)
    {
        if (!AbstractFormats.All.Contains(format))
            throw new ArgumentException($"--format must be one of {string.Join(", ", AbstractFormats.All)} (got '{format}').", nameof(format));
        var random = new Random(seed);
        var seeds = AbstractFormats.All.Select(f => SeedFile(f, seed)).ToList();
        var own = seeds[AbstractFormats.All.ToList().IndexOf(format)];
        var mutator = new Mutator(random, seeds);
        var validator = ValidatorFor(seeds[0]);
        var findings = new List<FuzzFinding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long inputs = 0, fileErrors = 0, records = 0, quarantined = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            // The seed itself first: a fuzzer whose seed does not read would only test the error path.
            var mutant = inputs == 0 ? own : mutator.Mutate(own);
            bool? singleBundle = format == AbstractFormats.Fhir && random.Next(4) == 0 ? null : format == AbstractFormats.Fhir ? false : null;
            inputs++;
            var run = Task.Run(() => ReadAsync(validator, format, singleBundle, mutant));
            string? problem;
            try
            {
                if (!run.Wait(HangLimit))
                {
                    findings.Add(Save(findingsDirectory, format, findings.Count, mutant, $"no answer within {HangLimit.TotalSeconds:N0} s (a hang)", ""));
                    break; // the stuck thread cannot be stopped; what ran so far stands
                }
                var (read, rejected) = run.Result;
                records += read;
                quarantined += rejected;
                continue;
            }
            catch (AggregateException ex) when (ex.InnerException is AbstractFormatException)
            {
                fileErrors++;
                continue;
            }
            catch (AggregateException ex)
            {
                var inner = ex.InnerException ?? ex;
                problem = $"{inner.GetType().Name}: {inner.Message}";
                if (seen.Add($"{inner.GetType().FullName} {FirstFrame(inner)}") && findings.Count < MaxSavedFindings)
                    findings.Add(Save(findingsDirectory, format, findings.Count, mutant, problem, inner.ToString()));
            }
        }
        return new FuzzReport
        {
            Format = format, Inputs = inputs, Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1), FileErrors = fileErrors,
            Records = records, Quarantined = quarantined, Findings = findings,
        };
    }

    private async Task<(long Records, long Quarantined)> ReadAsync(AbstractValidator validator, string format, bool? singleBundle, byte[] mutant)
    {
        using var source = AbstractSources.Open(new MemoryStream(mutant), FileName(format), format, singleBundle, new IngestOptions());
        long records = 0, quarantined = 0;
        await foreach (var record in ParallelChecking.ReadAsync(source, validator, deidentifier, CancellationToken.None))
        {
            records++;
            if (!record.Result.IsRejected)
                continue;
            quarantined++;
            if (record.Result.FirstError is not { Message.Length: > 0 })
                throw new InvalidOperationException($"line {record.Raw.Line}: a record is rejected without a reason");
        }
        return (records, quarantined);
    }

    private static string FileName(string format) => format == AbstractFormats.Fhir ? "fuzz.fhir.ndjson" : $"fuzz.{format}";

    /// <summary>A few generated abstracts in the format, some miscoded on purpose: every reader path a real file takes.</summary>
    private static byte[] SeedFile(string format, int seed)
    {
        using var abstracts = new StringWriter();
        using var truth = new StringWriter();
        AbstractGenerator.Generate(new GeneratorOptions(SeedAbstracts, seed, Facilities: 2, FiscalYears: 1, ErrorRate: 0.3, Format: format), abstracts, truth);
        return Encoding.UTF8.GetBytes(abstracts.ToString());
    }

    private static string FirstFrame(Exception ex) =>
        new StackTrace(ex).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("HealthStats", StringComparison.Ordinal) == true) is { } method
            ? $"{method.DeclaringType!.FullName}.{method.Name}"
            : "";

    private static FuzzFinding Save(string? directory, string format, int number, byte[] mutant, string problem, string detail)
    {
        if (directory is null)
            return new FuzzFinding(format, problem, null);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{format}-{number + 1:D3}-{DateTime.UtcNow:yyyyMMddHHmmss}.{(format == AbstractFormats.Fhir ? "fhir.ndjson" : format)}");
        File.WriteAllBytes(file, mutant);
        File.WriteAllText(file + ".txt", $"{problem}\n\n{detail}\n");
        return new FuzzFinding(format, problem, file);
    }
}
