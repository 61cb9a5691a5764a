using HealthStats.Etl.Benchmarks;

namespace HealthStats.Cli.Commands;

/// <summary>
/// Where a benchmark writes its files: the --work folder, kept afterwards, or a temporary one removed on dispose.
/// Opening it warns when the build is a debug one, whose timings understate a release build.
/// </summary>
internal sealed class BenchWorkDirectory : IDisposable
{
    private readonly bool temporary;

    private BenchWorkDirectory(string path, bool temporary)
    {
        Path = path;
        this.temporary = temporary;
    }

    public string Path { get; }

    public static BenchWorkDirectory Open(string? work, TextWriter error)
    {
        if (IngestBenchmark.IsDebugBuild)
            error.WriteLine("warning: this is a debug build, whose timings understate a release build: run it with dotnet run -c Release");
        return work is null
            ? new BenchWorkDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"healthstats-bench-{Guid.NewGuid():N}"), temporary: true)
            : new BenchWorkDirectory(work, temporary: false);
    }

    public void Dispose()
    {
        if (temporary && Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
