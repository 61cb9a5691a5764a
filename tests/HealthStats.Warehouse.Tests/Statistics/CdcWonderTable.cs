using System.Globalization;

namespace HealthStats.Warehouse.Tests.Statistics;

/// <summary>A CDC WONDER export (tab-separated, quoted, a notes section after a "---" line) as rows of named cells.</summary>
internal static class CdcWonderTable
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Cells(lines[0]);
        return lines.Skip(1)
            .TakeWhile(l => !l.StartsWith("\"---\"", StringComparison.Ordinal))
            .Where(l => l.Trim().Length > 0)
            .Select(l => header.Zip(Cells(l)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .ToList();
    }

    public static double Number(this Dictionary<string, string> row, string column) =>
        double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string[] Cells(string line) => line.TrimEnd('\r').Split('\t').Select(c => c.Trim().Trim('"').Trim()).ToArray();
}
