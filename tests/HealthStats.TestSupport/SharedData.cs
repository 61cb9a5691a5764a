namespace HealthStats.TestSupport;

/// <summary>
/// The reference data in ../shared/data beside the checkout (or HEALTHSTATS_SHARED_DATA).
/// Tests that need it use [SharedDataFact], which skips with a clear message where it is absent;
/// CI sets HEALTHSTATS_REQUIRE_SHARED=1 so that a missing folder fails instead of skipping.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    public static bool IsAvailable => Root.Value is not null;

    public static string Path(params string[] parts)
    {
        var root = Root.Value ?? throw new InvalidOperationException(
            "../shared/data was not found beside the checkout; set HEALTHSTATS_SHARED_DATA to its path.");
        return System.IO.Path.Combine([root, .. parts]);
    }

    /// <summary>The folder that holds HealthStats.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "HealthStats.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("HealthStats.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("HEALTHSTATS_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnv))
            return Directory.Exists(fromEnv) ? System.IO.Path.GetFullPath(fromEnv) : null;
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot(), "..", "shared", "data"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
