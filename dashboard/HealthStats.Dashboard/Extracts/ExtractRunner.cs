using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Extracts;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Extracts;

/// <summary>
/// Builds extracts for the API on the warehouse this process holds, one at a time: an extract's
/// suppression (linear programming over every cell) takes a core for seconds, and ministries pull
/// monthly, so a queue of one keeps the pages responsive. Public: the publication page and the
/// scheduled job take it too. The builder opens its own connections.
/// </summary>
/// <remarks>
/// What a spec gives depends only on the spec and the warehouse, so an extract is built once per spec text and
/// warehouse version (the answer cache's key) and served again until the next batch: fifty ministry requests
/// in a minute build it once, not fifty times.
/// </remarks>
public sealed class ExtractRunner(WarehouseDatabase database, AnswerCache answers) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <returns>The files, the manifest last, exactly as `healthstats extract` writes them.</returns>
    public async Task<IReadOnlyList<(string Name, byte[] Bytes)>> RunAsync(ExtractSpec spec, CancellationToken cancellationToken)
    {
        var extract = await BuildAsync(spec, cancellationToken);
        return answers.GetOrAdd(CacheKey(spec), () => ExtractWriter.RenderAsync(extract, cancellationToken).GetAwaiter().GetResult());
    }

    /// <summary>The extract built and audited, not rendered: what the publication view shows and the scheduled job writes.</summary>
    public async Task<BuiltExtract> BuildAsync(ExtractSpec spec, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => answers.GetOrAdd(CacheKey(spec), () => ExtractBuilder.Build(database, spec)), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static string CacheKey(ExtractSpec spec) => "extract\u001f" + spec.Source.GetRawText();

    public void Dispose() => gate.Dispose();
}
