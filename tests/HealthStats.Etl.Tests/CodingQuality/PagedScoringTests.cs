using HealthStats.Etl.CodingQuality;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.CodingQuality;

/// <summary>
/// Training and scoring read the abstracts a page at a time, so that a warehouse of ten million abstracts
/// fits in memory. Small pages here must give what one page gives: the same abstracts, models and scores.
/// </summary>
public sealed class PagedScoringTests : IDisposable
{
    private readonly TempDirectory temp = new("paged-scoring");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Pages_TogetherAreTheWholeTable_InKeyOrder_AndEveryStepTakesTheFirstOfEachStep()
    {
        var (database, _) = CodingWarehouse.Copy(temp);
        using var connection = database.OpenConnection();
        var whole = FeatureReader.Read(connection, FeatureReader.Which.All);

        using var features = FeatureReader.Open(connection);
        var pages = features.Pages(FeatureReader.Which.All, pageSize: 333).ToList();
        var every = features.ReadEvery(7);

        Assert.Equal(CodingWarehouse.Abstracts - Quarantined(connection), whole.Count);
        Assert.Equal((whole.Count + 332) / 333, pages.Count);
        Assert.Equal(Keys(whole), pages.SelectMany(Keys));
        Assert.Equal(whole.Features.SelectMany(f => f), pages.SelectMany(p => p.Features).SelectMany(f => f));
        Assert.Equal(Keys(whole).Where((_, i) => i % 7 == 0), Keys(every));
    }

    [Fact]
    public void ScoringInSmallPages_WritesTheScoresAndReasonsOfOnePage()
    {
        var (database, _) = CodingWarehouse.Copy(temp);
        using var connection = database.OpenConnection();
        var scorer = new CodingScorer(database);
        var whole = scorer.ScoreUnscored(connection, trainAnomalyWhenMissing: true);
        var onePage = Scores(connection);
        connection.Execute("delete from coding.scores");

        var paged = scorer.ScoreUnscored(connection, trainAnomalyWhenMissing: true, pageSize: 250);

        Assert.Equal(whole.Scored, paged.Scored);
        Assert.True(paged.Scored > 3000, $"{paged.Scored} scored");
        var pagedScores = Scores(connection);
        var firstDifference = onePage.Zip(pagedScores).FirstOrDefault(p => p.First != p.Second);
        Assert.True(firstDifference == default, $"one page: {firstDifference.First}\npaged: {firstDifference.Second}");
        Assert.Equal(onePage, pagedScores);
    }

    [Fact]
    public async Task TrainingInSmallPages_GivesTheModelsOfOnePage()
    {
        var (database, truth) = CodingWarehouse.Copy(temp);
        await new LabelsImport(database).ImportAsync(CodingWarehouse.TruthSubset(truth, temp.Combine("half.csv"), i => i % 2 == 0), default);
        var trainer = new CodingModelTrainer(database);
        using var connection = database.OpenConnection();

        var whole = trainer.Train(connection, supervised: true);
        var paged = trainer.Train(connection, supervised: true, pageSize: 300);

        Assert.Equal(whole.Abstracts, paged.Abstracts);
        Assert.Equal(whole.Labelled, paged.Labelled);
        Assert.Equal(whole.Anomaly!.AnomalyMedian, paged.Anomaly!.AnomalyMedian);
        Assert.Equal(whole.Anomaly.TrainingFrom, paged.Anomaly.TrainingFrom);
        Assert.Equal(whole.Anomaly.TrainingTo, paged.Anomaly.TrainingTo);
        Assert.NotNull(whole.Supervised);
        Assert.Equal(whole.Supervised!.PrAuc, paged.Supervised!.PrAuc);
    }

    private static IEnumerable<string> Keys(FeatureTable table) =>
        Enumerable.Range(0, table.Count).Select(i => $"{table.FacilityIds[i]}/{table.AbstractIds[i]}/{table.BatchIds[i]}");

    private static long Quarantined(DuckDB.NET.Data.DuckDBConnection connection) =>
        connection.Scalar<long>("select sum(quarantined)::bigint from meta.batches");

    private static List<string> Scores(DuckDB.NET.Data.DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "select facility_id || '/' || abstract_id || '/' || batch_id || ' ' || score || ' ' || anomaly_score || ' ' || reasons " +
            "from coding.scores order by facility_id, abstract_id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
