namespace HealthStats.Dashboard.Tests;

/// <summary>
/// Dashboard tests run one at a time: Hangfire keeps its storage in a process-wide static, so two
/// servers in one test process at once would share it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection
{
    public const string Name = "dashboard";
}
