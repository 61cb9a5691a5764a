namespace HealthStats.Etl.Reliability;

/// <summary>
/// When a trial kills its process: once <paramref name="Reached"/> holds of the data directory (null: at
/// once), after a random <paramref name="Delay"/>. Watching the files aims the kills at the moments that
/// matter (a Parquet file half written, a commit under way); random delays spread them around those moments.
/// </summary>
public sealed record KillPoint(string Name, Func<string, bool>? Reached, Func<Random, TimeSpan> Delay)
{
    /// <summary>Anywhere in a run that takes about <paramref name="typical"/>.</summary>
    public static KillPoint AtRandom(TimeSpan typical) =>
        new("random time", null, random => typical * random.NextDouble());

    public static KillPoint When(string name, Func<string, bool> reached, TimeSpan upTo) =>
        new(name, reached, random => upTo * random.NextDouble());

    /// <summary>Waits for the point, then kills; returns the seconds the process had run, or null when it ended first.</summary>
    public async Task<double?> KillAsync(CliProcess.Running running, string directory, Random random, Func<string> observePhase, Action<string> phaseSeen, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Reached is not null && !running.HasExited && !Reached(directory))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the process never reached '{Name}' within {timeout.TotalSeconds} s");
            await Task.Delay(2);
        }
        var delay = Delay(random);
        if (delay > TimeSpan.Zero && !running.HasExited)
            await running.WaitAsync(delay);
        if (running.HasExited)
            return null;
        phaseSeen(observePhase());
        var at = running.Elapsed.TotalSeconds;
        running.Kill();
        return at;
    }

    internal static bool AnyFile(string directory, string pattern)
    {
        try
        {
            return Directory.Exists(directory) && Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories).Any();
        }
        catch (IOException)
        {
            return false; // a folder the process renamed or removed while we looked
        }
    }

    internal static bool AnyDirectory(string directory, string pattern)
    {
        try
        {
            return Directory.Exists(directory) && Directory.EnumerateDirectories(directory, pattern).Any();
        }
        catch (IOException)
        {
            return false;
        }
    }
}
