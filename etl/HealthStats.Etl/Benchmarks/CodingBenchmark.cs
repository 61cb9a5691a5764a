using System.Diagnostics;
using DuckDB.NET.Data;
using HealthStats.Etl.CodingQuality;
using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Generation;
using HealthStats.Etl.Ingest;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Benchmarks;

/// <summary>
/// Measures the miscoding model against the generator's truth: generate with errors, ingest, import the
/// truth of a random 20% as audit outcomes, train, score the rest, and compare the model with the edits
/// alone and with random selection on the same abstracts.
/// </summary>
public static class CodingBenchmark
{
    public const double LabelledShare = 0.2;

    public const double TopShare = 0.01;

    /// <summary>The error types validation defines edits for.</summary>
    public static readonly string[] EditTypes = [ErrorTypes.InvalidCode, ErrorTypes.NonspecificCode, ErrorTypes.SexConflict, ErrorTypes.AgeConflict];

    /// <summary>The error types no edit can catch: a valid, plausible code in the wrong place.</summary>
    public static readonly string[] UncatchableTypes = [ErrorTypes.MrdxSequencing, ErrorTypes.CodeSubstitution, ErrorTypes.ProcedureMismatch];

    private sealed record Truth(string FacilityId, string AbstractId, bool Miscoded, string? ErrorType, string Line);

    public static CodingBenchmarkResult Run(int abstracts, double errorRate, int seed, string workDirectory, Action<string>? log)
    {
        Directory.CreateDirectory(workDirectory);
        log?.Invoke($"generating {abstracts:N0} abstracts with error rate {errorRate} (not timed)");
        var generated = Path.Combine(workDirectory, "generated");
        AbstractGenerator.Generate(new GeneratorOptions(abstracts, seed, ErrorRate: errorRate), generated);

        log?.Invoke("ingesting");
        var data = new DataDirectory(Path.Combine(workDirectory, "data"));
        var database = new WarehouseDatabase(data);
        var clock = Stopwatch.StartNew();
        WarehouseSetup.Initialize(database);
        using var pseudonymiser = new Pseudonymiser(HmacKeyStore.LoadOrCreate(data));
        var summary = new IngestService(database, pseudonymiser)
            .IngestFileAsync(Path.Combine(generated, AbstractGenerator.AbstractsFileName), new IngestOptions(), CancellationToken.None)
            .GetAwaiter().GetResult();
        var ingestSeconds = clock.Elapsed.TotalSeconds;

        log?.Invoke($"importing the truth of a random {LabelledShare:P0} as audit outcomes");
        var (header, truth) = ReadTruth(Path.Combine(generated, AbstractGenerator.TruthFileName));
        var random = new Random(seed);
        var labelled = truth.Select(_ => random.NextDouble() < LabelledShare).ToArray();
        var labelsFile = Path.Combine(workDirectory, "audit-outcomes.csv");
        File.WriteAllLines(labelsFile, [header, .. truth.Where((_, i) => labelled[i]).Select(t => t.Line)]);
        var import = new LabelsImport(database).ImportAsync(labelsFile, CancellationToken.None).GetAwaiter().GetResult();

        log?.Invoke("training");
        var training = new CodingModelTrainer(database).TrainAsync(CancellationToken.None).GetAwaiter().GetResult();
        log?.Invoke("scoring");
        var scoring = new CodingScorer(database).ScoreUnscoredAsync(trainAnomalyWhenMissing: true, CancellationToken.None).GetAwaiter().GetResult();

        log?.Invoke("measuring against the truth");
        using var connection = database.OpenConnection();
        var speed = new CodingScorer(database).MeasureSpeed(connection);
        var scores = Read(connection, "select facility_id, abstract_id, score from coding.scores");
        var warned = Keys(connection,
            "select distinct w.facility_id, w.abstract_id from staging.stg_warning_versions w semi join marts.fct_abstracts a using (facility_id, abstract_id, batch_id)");
        var quarantined = Keys(connection, "select distinct facility_id, abstract_id from meta.quarantine where cleared_by_batch is null and abstract_id is not null");

        var evaluation = truth.Where((_, i) => !labelled[i]).ToList();
        var editRecall = new Dictionary<string, double>();
        var editCounts = new Dictionary<string, int>();
        foreach (var type in EditTypes)
        {
            var ofType = evaluation.Where(t => t.ErrorType == type).ToList();
            editCounts[type] = ofType.Count;
            editRecall[type] = ofType.Count == 0 ? 0 : Math.Round(
                (double)ofType.Count(t => warned.Contains((t.FacilityId, t.AbstractId)) || quarantined.Contains((t.FacilityId, t.AbstractId))) / ofType.Count, 4);
        }

        var scored = evaluation.Where(t => scores.ContainsKey((t.FacilityId, t.AbstractId))).ToList();
        var noise = scored.Select(_ => random.NextDouble()).ToArray();
        double Model(Truth t) => scores[(t.FacilityId, t.AbstractId)];
        double Edits(Truth t, int i) => (warned.Contains((t.FacilityId, t.AbstractId)) ? 1 : 0) + noise[i] * 1e-3; // ties in random order
        var modelScores = scored.Select(Model).ToList();
        var editScores = scored.Select(Edits).ToList();
        var randomScores = noise.ToList();

        double PrAuc(IReadOnlyList<double> all, IReadOnlyCollection<string> types)
        {
            var keep = scored.Select((t, i) => (t, i)).Where(p => !p.t.Miscoded || types.Contains(p.t.ErrorType!)).ToList();
            return Math.Round(RankingMetrics.AveragePrecision([.. keep.Select(p => all[p.i])], [.. keep.Select(p => p.t.Miscoded)]), 4);
        }
        var top = Math.Max(1, (int)Math.Round(scored.Count * TopShare));
        var miscoded = scored.Select(t => t.Miscoded).ToList();
        double TopPrecision(IReadOnlyList<double> all) => Math.Round(RankingMetrics.AtBudget(all, miscoded, top).Precision, 4);

        return new CodingBenchmarkResult
        {
            Abstracts = abstracts,
            ErrorRate = errorRate,
            Seed = seed,
            Loaded = summary.Loaded,
            OutcomesImported = import.Imported,
            OutcomesRejected = import.Rejected,
            EvaluatedAbstracts = scored.Count,
            EvaluatedMiscoded = miscoded.Count(m => m),
            EditRecall = editRecall,
            EditRecallCounts = editCounts,
            ModelPrAucUncatchable = PrAuc(modelScores, UncatchableTypes),
            ModelPrAucByType = UncatchableTypes.ToDictionary(t => t, t => PrAuc(modelScores, [t])),
            EditsPrAucUncatchable = PrAuc(editScores, UncatchableTypes),
            RandomPrAucUncatchable = PrAuc(randomScores, UncatchableTypes),
            TopOnePercent = top,
            ModelPrecisionTop1Pct = TopPrecision(modelScores),
            EditsPrecisionTop1Pct = TopPrecision(editScores),
            RandomPrecisionTop1Pct = TopPrecision(randomScores),
            SupervisedModel = scoring.SupervisedModel,
            HoldoutPrAuc = training.Supervised?.PrAuc is { } auc ? Math.Round(auc, 4) : null,
            IngestSeconds = Math.Round(ingestSeconds, 2),
            TrainingSeconds = Math.Round(training.Seconds, 2),
            TrainingAbstracts = training.Abstracts,
            TrainingFeatureSeconds = training.FeatureSeconds,
            TrainingAnomalySeconds = training.AnomalySeconds,
            TrainingSupervisedSeconds = training.SupervisedSeconds,
            ScoredAbstracts = scoring.Scored,
            ScoringAbstractsPerSecond = speed.ScoreSeconds > 0 ? Math.Round(speed.Abstracts / speed.ScoreSeconds) : 0,
            ScoringWithReasonsAbstractsPerSecond = speed.ScoreSeconds > 0 ? Math.Round(speed.Abstracts / (speed.ScoreSeconds + speed.ReasonSeconds)) : 0,
            ScoringRunSeconds = Math.Round(scoring.Seconds, 2),
            Build = IngestBenchmark.IsDebugBuild ? "debug" : "release",
        };
    }

    private static (string Header, List<Truth> Rows) ReadTruth(string path)
    {
        var lines = File.ReadAllLines(path);
        var rows = new List<Truth>(lines.Length);
        foreach (var line in lines.Skip(1))
        {
            // The generator writes no quotes in truth.csv: the codes and ids hold no commas.
            var f = line.Split(',');
            rows.Add(new Truth(f[0], f[1], f[2] == "miscoded", f[3].Length > 0 ? f[3] : null, line));
        }
        return (lines[0], rows);
    }

    private static Dictionary<(string, string), double> Read(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new Dictionary<(string, string), double>();
        while (reader.Read())
            result[(reader.GetString(0), reader.GetString(1))] = reader.GetDouble(2);
        return result;
    }

    private static HashSet<(string, string)> Keys(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new HashSet<(string, string)>();
        while (reader.Read())
            result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }
}
