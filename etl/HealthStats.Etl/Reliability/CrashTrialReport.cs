namespace HealthStats.Etl.Reliability;

/// <summary>Every trial's outcome, with counts by scenario and by the phase the process was killed in.</summary>
public sealed record CrashTrialReport(IReadOnlyList<CrashTrialOutcome> Trials, double Seconds)
{
    public int Failed => Trials.Count(t => !t.Passed);

    public IReadOnlyDictionary<string, int> ByPhase =>
        Trials.GroupBy(t => $"{t.Scenario}/{t.Phase}").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlyDictionary<string, int> ByAfterKill =>
        Trials.GroupBy(t => $"{t.Scenario}/{t.AfterKill}").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}
