namespace HealthStats.Etl.Reliability;

/// <summary>
/// One kill trial: what it waited for before the kill, how long the process had run, what it was doing
/// (seen from its files at the kill), what the restart found, and the first problem, if any.
/// </summary>
public sealed record CrashTrialOutcome(
    string Scenario,
    int Trial,
    string KillPoint,
    double KilledAfterSeconds,
    string Phase,
    string AfterKill,
    string? Problem)
{
    public bool Passed => Problem is null;
}
