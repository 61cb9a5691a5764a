using Microsoft.Extensions.Caching.Memory;

namespace HealthStats.Dashboard.Hosting;

/// <summary>
/// Answers the dashboard has computed (indicator results, rendered charts), kept until the warehouse
/// changes: the same view asked again, by another user or a reload, is served without querying or
/// drawing again. Keys carry the warehouse's version, so a batch makes every older answer unreachable
/// (and the size limit lets them go).
/// </summary>
public sealed class AnswerCache(WarehouseVersion version) : IDisposable
{
    private const int MaximumEntries = 5000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaximumEntries });

    /// <summary>The answer for the key at the warehouse's current version, computed when not held.</summary>
    public T GetOrAdd<T>(string key, Func<T> compute) where T : notnull
    {
        var versioned = $"{version.Current()}\u001f{typeof(T).Name}\u001f{key}";
        if (cache.TryGetValue(versioned, out T? held) && held is not null)
            return held;
        var answer = compute();
        cache.Set(versioned, answer, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(12) });
        return answer;
    }

    public void Dispose() => cache.Dispose();
}
