using HealthStats.Etl.CodingQuality;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.CodingQuality;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly TempDirectory temp = new("registry");

    public void Dispose() => temp.Dispose();

    private static ModelRecord Supervised(string version, double prAuc) => new()
    {
        Version = version,
        Kind = ModelRecord.SupervisedKind,
        TrainedAt = DateTime.UtcNow,
        TrainingRows = 100,
        FeatureSchemaHash = "h",
        PrAuc = prAuc,
        File = version + ".zip",
    };

    [Fact]
    public void ShouldPromote_ReturnsFalse_WhenTheHoldoutPrAucIsWorse() =>
        Assert.False(ModelRegistry.ShouldPromote(Supervised("b", 0.79), Supervised("a", 0.80)));

    [Fact]
    public void ShouldPromote_ReturnsTrue_WhenTheHoldoutPrAucIsEqual() =>
        Assert.True(ModelRegistry.ShouldPromote(Supervised("b", 0.80), Supervised("a", 0.80)));

    [Fact]
    public void ShouldPromote_ReturnsTrue_WhenTheHoldoutPrAucIsBetter() =>
        Assert.True(ModelRegistry.ShouldPromote(Supervised("b", 0.81), Supervised("a", 0.80)));

    [Fact]
    public void ShouldPromote_ComparesOnTheCandidatesHoldout_WhenTheCurrentModelWasMeasuredThere()
    {
        // Recorded on its own holdout the current model looks worse, but on the candidate's it is better.
        Assert.False(ModelRegistry.ShouldPromote(Supervised("b", 0.81), Supervised("a", 0.70), currentOnCandidateHoldout: 0.85));
        Assert.True(ModelRegistry.ShouldPromote(Supervised("b", 0.81), Supervised("a", 0.90), currentOnCandidateHoldout: 0.81));
    }

    [Fact]
    public void ShouldPromote_ReturnsTrue_WhenThereIsNoCurrentModel() =>
        Assert.True(ModelRegistry.ShouldPromote(Supervised("a", 0.10), null));

    [Fact]
    public void Register_KeepsTheCurrentModel_WhenANewOneIsWorse_AndReplacesIt_WhenANewOneIsNotWorse()
    {
        var database = new WarehouseDatabase(new DataDirectory(temp.Combine("data")));
        WarehouseSetup.Initialize(database);
        using var connection = database.OpenConnection();

        ModelRegistry.Register(connection, Supervised("m1", 0.80));
        var worse = ModelRegistry.Register(connection, Supervised("m2", 0.70));
        Assert.False(worse.IsCurrent);
        Assert.Equal("m1", ModelRegistry.Current(connection, ModelRecord.SupervisedKind)!.Version);

        var equal = ModelRegistry.Register(connection, Supervised("m3", 0.80));
        Assert.True(equal.IsCurrent);
        Assert.Equal("m3", ModelRegistry.Current(connection, ModelRecord.SupervisedKind)!.Version);
        Assert.Equal(1, connection.Scalar<long>("select count(*) from coding.models where is_current"));
        Assert.Equal(3, ModelRegistry.All(connection).Count);
    }
}
