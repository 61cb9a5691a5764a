namespace HealthStats.Etl.Reliability;

/// <summary>
/// How many kill trials of which scenarios (ingest, train, extract), on how many generated abstracts
/// (split into a first batch already loaded and a second one that each ingest trial kills), where.
/// </summary>
public sealed record CrashTrialOptions(
    string CliDll,
    string WorkDirectory,
    IReadOnlyList<string> Scenarios,
    int TrialsPerScenario,
    int Abstracts = 4_000,
    int Seed = 7)
{
    public const string Ingest = "ingest";
    public const string Train = "train";
    public const string Extract = "extract";

    public static readonly IReadOnlyList<string> AllScenarios = [Ingest, Train, Extract];

    /// <summary>The longest a command may take, killed or not, before the trial counts as a hang.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
