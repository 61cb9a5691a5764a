using System.Text.Json;
using System.Text.RegularExpressions;
using HealthStats.Etl.CodingQuality;
using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Tests.Ingest;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.CodingQuality;

public sealed partial class CodingModelTests : IDisposable
{
    private readonly TempDirectory temp = new("coding-model");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Train_RecordsACurrentSupervisedModel_WithItsHoldoutMetrics_WhenOutcomesSuffice()
    {
        var (database, truth) = CodingWarehouse.Copy(temp);
        await new LabelsImport(database).ImportAsync(CodingWarehouse.TruthSubset(truth, temp.Combine("half.csv"), i => i % 2 == 0), default);

        var result = await new CodingModelTrainer(database).TrainAsync(default);

        var model = Assert.IsType<ModelRecord>(result.Supervised);
        Assert.True(model.IsCurrent);
        Assert.True(model.PrAuc > 0.5, $"holdout PR-AUC {model.PrAuc}");
        Assert.NotNull(model.PrecisionAtBudget);
        Assert.True(model.LiftAtBudget > 1);
        Assert.Equal(result.Anomaly!.Version, model.AnomalyModel);
        Assert.True(File.Exists(Path.Combine(database.DataDirectory.ModelsDirectory, model.File)));
        Assert.Equal(result.Labelled, model.TrainingRows + model.HoldoutRows);
    }

    [Fact]
    public async Task Train_LeavesTheAnomalyModelToRank_WhenThereAreTooFewOutcomes()
    {
        var (database, truth) = CodingWarehouse.Copy(temp);
        await new LabelsImport(database).ImportAsync(CodingWarehouse.TruthSubset(truth, temp.Combine("few.csv"), i => i < 20), default);

        var result = await new CodingModelTrainer(database).TrainAsync(default);
        var scoring = await new CodingScorer(database).ScoreUnscoredAsync(trainAnomalyWhenMissing: false, default);

        Assert.Null(result.Supervised);
        Assert.Contains("at least 50", result.SupervisedSkipped, StringComparison.Ordinal);
        Assert.Equal(result.Anomaly!.Version, scoring.AnomalyModel);
        Assert.Null(scoring.SupervisedModel);
        Assert.Equal(result.Abstracts, scoring.Scored);
    }

    [Fact]
    public async Task Reasons_NameTheAbstractsOwnCodesAndEdits_WhenTheSupervisedModelFlagsIt()
    {
        var (database, truth) = CodingWarehouse.Copy(temp);
        await new LabelsImport(database).ImportAsync(CodingWarehouse.TruthSubset(truth, temp.Combine("half.csv"), i => i % 2 == 0), default);
        await new CodingModelTrainer(database).TrainAsync(default);
        await new CodingScorer(database).ScoreUnscoredAsync(trainAnomalyWhenMissing: false, default);

        using var connection = database.OpenConnection();
        var flags = Flags.Select(connection, budget: 40, threshold: null);

        Assert.Equal(40, flags.Count);
        var named = 0;
        foreach (var flag in flags)
        {
            Assert.NotEmpty(flag.Reasons);
            var mrdx = connection.Scalar<string>("select mrdx_code from marts.fct_abstracts where facility_id = $1 and abstract_id = $2", flag.FacilityId, flag.AbstractId)!;
            var diagnoses = Codes(connection, "select code from marts.fct_diagnoses where facility_id = $1 and abstract_id = $2", flag);
            var interventions = Codes(connection, "select code from marts.fct_interventions where facility_id = $1 and abstract_id = $2", flag);
            var edits = Codes(connection, "select w.rule_id from staging.stg_warning_versions w join marts.fct_abstracts a using (facility_id, abstract_id, batch_id) where facility_id = $1 and abstract_id = $2", flag);
            foreach (var reason in flag.Reasons)
            {
                if (MrdxPattern().Match(reason) is { Success: true } m)
                {
                    Assert.Equal(mrdx, m.Groups[1].Value);
                    named++;
                }
                if (InterventionPattern().Match(reason) is { Success: true } i)
                    Assert.Contains(i.Groups[1].Value, interventions);
                if (DiagnosisPattern().Match(reason) is { Success: true } d)
                    Assert.Contains(d.Groups[1].Value, diagnoses);
                if (EditPattern().Match(reason) is { Success: true } e)
                    Assert.Contains(e.Groups[1].Value, edits);
            }
        }
        Assert.True(named >= flags.Count / 2, $"only {named} reasons named the MRDx");
    }

    [Fact]
    public async Task Train_MeasuresTheCurrentModelOnTheNewModelsHoldout_AndPromotesOneThatIsNotWorse()
    {
        var (database, truth) = CodingWarehouse.Copy(temp);
        await new LabelsImport(database).ImportAsync(CodingWarehouse.TruthSubset(truth, temp.Combine("half.csv"), i => i % 2 == 0), default);
        var trainer = new CodingModelTrainer(database);

        var first = await trainer.TrainAsync(default);
        var second = await trainer.TrainAsync(default);

        // Nothing to compare with the first time; the second time the same data gives the same model, equal on the same holdout.
        Assert.Null(first.CurrentPrAucOnHoldout);
        Assert.Equal(second.Supervised!.PrAuc!.Value, second.CurrentPrAucOnHoldout!.Value, 6);
        Assert.True(second.Supervised.IsCurrent);
        Assert.Equal(first.Supervised!.HoldoutRows, second.Supervised.HoldoutRows);
    }

    [Fact]
    public async Task Train_CountsAndLearnsFromReviewDecisions_WhenSupervisorsRecordThemAfterTheLastTraining()
    {
        var (database, truth) = CodingWarehouse.Copy(temp);
        await new LabelsImport(database).ImportAsync(CodingWarehouse.TruthSubset(truth, temp.Combine("half.csv"), i => i % 2 == 0), default);
        var trainer = new CodingModelTrainer(database);
        var first = await trainer.TrainAsync(default);

        // Supervisors overturn 150 imported "correct" outcomes and decide 100 abstracts nobody had audited.
        using (var connection = database.OpenConnection())
        {
            connection.Execute(
                "insert into coding.audit_outcomes (facility_id, abstract_id, abstract_batch_id, outcome, reviewer_id, source, recorded_at) " +
                "select facility_id, abstract_id, abstract_batch_id, 'miscoded', 'SUP1', 'review', now() from coding.audit_outcomes " +
                "where outcome = 'correct' order by facility_id, abstract_id limit 150");
            connection.Execute(
                "insert into coding.audit_outcomes (facility_id, abstract_id, abstract_batch_id, outcome, reviewer_id, source, recorded_at) " +
                "select a.facility_id, a.abstract_id, a.batch_id, 'correct', 'SUP1', 'review', now() from marts.fct_abstracts a " +
                "anti join coding.audit_outcomes o using (facility_id, abstract_id) order by a.facility_id, a.abstract_id limit 100");
        }
        var second = await trainer.TrainAsync(default);

        Assert.Equal(first.Labelled + 100, second.Labelled);
        Assert.Equal(first.LabelledMiscoded + 150, second.LabelledMiscoded);
        Assert.Equal(second.LabelledMiscoded, second.Supervised!.TrainingPositives);
        // What it learns changes: the overturned abstracts score higher under the model that saw the reviews.
        using var check = database.OpenConnection();
        var table = FeatureReaderFor(check, "select facility_id, abstract_id from coding.audit_outcomes where source = 'review' and outcome = 'miscoded'");
        var scorer = new CodingScorer(database);
        var before = scorer.Score(table, first.Anomaly!, first.Supervised).Scores.Average();
        var after = scorer.Score(table, second.Anomaly!, second.Supervised).Scores.Average();
        Assert.True(after > before, $"mean score of the overturned abstracts {before:F3} -> {after:F3}");
    }

    [Fact]
    public async Task Ingest_TrainsTheAnomalyModelFirst_WhenThereIsNoneAndTheWarehouseHoldsEnoughAbstracts()
    {
        var (database, _) = CodingWarehouse.Copy(temp);
        var ingest = new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(database.DataDirectory)));
        long abstracts;
        using (var connection = database.OpenConnection())
            abstracts = connection.Scalar<long>("select count(*) from marts.fct_abstracts");

        // One more than it holds: too few, nothing is trained; then at the default of a thousand, it is.
        await ingest.IngestFilesAsync([new AbstractFileBuilder().Add("F001", "FEW1").Write(temp.Combine("few.csv"))],
            new IngestOptions { FirstAnomalyModelAt = abstracts + 10 }, default);
        using (var connection = database.OpenConnection())
            Assert.Equal(0, connection.Scalar<long>("select count(*) from coding.models"));
        await ingest.IngestFilesAsync([new AbstractFileBuilder().Add("F001", "ENOUGH1").Write(temp.Combine("enough.csv"))], new IngestOptions(), default);

        using var check = database.OpenConnection();
        Assert.True(abstracts >= 1_000);
        Assert.Equal("anomaly", check.Scalar<string>("select kind from coding.models where is_current"));
        Assert.Equal(abstracts + 2, check.Scalar<long>("select count(*) from coding.scores s semi join marts.fct_abstracts a using (facility_id, abstract_id, batch_id)"));
        Assert.Equal(0, check.Scalar<long>("select count(*) from coding.scores where reasons = '[]'"));
    }

    [Fact]
    public async Task Ingest_ScoresTheNewBatch_WhenAModelExists_AndLoadsIt_WhenNoneDoes()
    {
        var (database, _) = CodingWarehouse.Copy(temp);
        var ingest = new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(database.DataDirectory)));
        var first = new AbstractFileBuilder().Add("F001", "NEW1").Write(temp.Combine("first.csv"));
        var totals = await ingest.IngestFilesAsync([first], new IngestOptions { FirstAnomalyModelAt = null }, default);
        Assert.Equal(1, totals.Loaded);
        using (var connection = database.OpenConnection())
            Assert.Equal(0, connection.Scalar<long>("select count(*) from coding.scores"));

        await new CodingModelTrainer(database).TrainAsync(default);
        var second = new AbstractFileBuilder().Add("F001", "NEW2").Write(temp.Combine("second.csv"));
        await ingest.IngestFilesAsync([second], new IngestOptions(), default);

        using var check = database.OpenConnection();
        Assert.Equal(1, check.Scalar<long>("select count(*) from coding.scores where abstract_id = 'NEW2'"));
        Assert.Equal(check.Scalar<long>("select count(*) from marts.fct_abstracts"), check.Scalar<long>("select count(*) from coding.scores"));
        var reasons = check.Scalar<string>("select reasons from coding.scores where abstract_id = 'NEW2'")!;
        Assert.NotNull(JsonSerializer.Deserialize<List<string>>(reasons));
    }

    [Fact]
    public async Task Rebuild_KeepsAuditOutcomesModelsAndScores_InTheirOrder()
    {
        var (database, truth) = CodingWarehouse.Copy(temp);
        await new LabelsImport(database).ImportAsync(CodingWarehouse.TruthSubset(truth, temp.Combine("half.csv"), i => i % 2 == 0), default);
        await new CodingModelTrainer(database).TrainAsync(default);
        await new CodingScorer(database).ScoreUnscoredAsync(trainAnomalyWhenMissing: false, default);
        string Snapshot(string sql)
        {
            using var connection = database.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            return string.Join('\n', rows);
        }
        const string outcomes = "select facility_id, abstract_id, outcome, error_type, source from coding.audit_outcomes order by outcome_id";
        const string models = "select * from coding.models order by version";
        const string scores = "select * from coding.scores order by facility_id, abstract_id";
        var before = (Snapshot(outcomes), Snapshot(models), Snapshot(scores));

        WarehouseRebuild.Run(database.DataDirectory);

        Assert.Equal(before, (Snapshot(outcomes), Snapshot(models), Snapshot(scores)));
        using var after = database.OpenConnection();
        after.Execute("insert into coding.audit_outcomes (facility_id, abstract_id, outcome, source, recorded_at) values ('F001', 'X', 'correct', 'review', now())");
        Assert.Equal("X", after.Scalar<string>("select abstract_id from coding.audit_outcomes order by outcome_id desc limit 1"));
    }

    private static HashSet<string> Codes(DuckDB.NET.Data.DuckDBConnection connection, string sql, Flag flag)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(flag.FacilityId));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(flag.AbstractId));
        using var reader = command.ExecuteReader();
        var result = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
            result.Add(reader.GetString(0));
        return result;
    }

    // The features of the abstracts the query names, as the scorer reads them.
    private static FeatureTable FeatureReaderFor(DuckDB.NET.Data.DuckDBConnection connection, string keys)
    {
        var all = FeatureReader.Read(connection, FeatureReader.Which.All);
        var wanted = new HashSet<(string, string)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = keys;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                wanted.Add((reader.GetString(0), reader.GetString(1)));
        }
        var table = new FeatureTable();
        for (var i = 0; i < all.Count; i++)
        {
            if (!wanted.Contains(all.Key(i)))
                continue;
            table.FacilityIds.Add(all.FacilityIds[i]);
            table.AbstractIds.Add(all.AbstractIds[i]);
            table.BatchIds.Add(all.BatchIds[i]);
            table.DischargeDates.Add(all.DischargeDates[i]);
            table.Features.Add(all.Features[i]);
            table.Contexts.Add(all.Contexts[i]);
        }
        return table;
    }

    [GeneratedRegex(@"MRDx ([A-Z0-9.]+)")]
    private static partial Regex MrdxPattern();

    [GeneratedRegex(@"with intervention ([A-Z0-9.]+)")]
    private static partial Regex InterventionPattern();

    [GeneratedRegex(@"(?:with diagnosis|comorbidity) ([A-Z0-9.]+)")]
    private static partial Regex DiagnosisPattern();

    [GeneratedRegex(@"^edit (\S+) fired(: .+)?$")]
    private static partial Regex EditPattern();
}
