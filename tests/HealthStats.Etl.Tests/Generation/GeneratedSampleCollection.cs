namespace HealthStats.Etl.Tests.Generation;

[CollectionDefinition(Name)]
public sealed class GeneratedSampleCollection : ICollectionFixture<GeneratedSample>
{
    public const string Name = "generated sample";
}
