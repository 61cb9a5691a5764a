using System.Reflection;

namespace HealthStats.Warehouse.Storage;

/// <summary>The SQL files embedded in this assembly, by their path under sql/.</summary>
public static class EmbeddedSql
{
    private static readonly Assembly Assembly = typeof(EmbeddedSql).Assembly;

    /// <summary>All files under a folder, ordered by name (which is their run order).</summary>
    public static IReadOnlyList<(string Name, string Sql)> Under(string folder) =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n, Read(n)))
            .ToList();

    public static string Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded SQL {name} not found.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
