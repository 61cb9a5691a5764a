namespace HealthStats.Etl.Tests.Ingest.Hostile;

/// <summary>
/// What a hostile file must give: the file fails with a message holding <see cref="FailsWith"/>, or it
/// loads with these counts, the quarantined ones all for <see cref="Rule"/>.
/// </summary>
internal sealed record HostileOutcome(string? FailsWith = null, int Loaded = 0, int Quarantined = 0, string? Rule = null, string? Warning = null)
{
    public static HostileOutcome Fails(string message) => new(FailsWith: message);

    public static HostileOutcome Loads(int loaded, string? warning = null) => new(Loaded: loaded, Warning: warning);

    public static HostileOutcome Quarantines(int quarantined, string rule, int loaded = 0) => new(Loaded: loaded, Quarantined: quarantined, Rule: rule);
}
