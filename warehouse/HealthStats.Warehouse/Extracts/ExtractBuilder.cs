using System.Reflection;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Storage;
using HealthStats.Warehouse.Suppression;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// Builds an extract from its spec: every table from the indicator library, linked where they release
/// the same counts, suppressed together (primary, then complementary across all tables), and audited on
/// exactly what would be released. An extract the auditor does not pass is refused.
/// </summary>
public static class ExtractBuilder
{
    private const string StayTotal = "discharges|";
    private const string TypicalStays = "typical_stays|";
    private const string AtypicalStays = "atypical_stays|";

    public static BuiltExtract Build(WarehouseDatabase database, ExtractSpec spec, SuppressionStep? suppress = null)
    {
        var policy = spec.Suppression.ToPolicy();
        // One read transaction for every query: a batch committed while the extract is built would otherwise
        // give one table the counts before it and another those after, and totals that do not add up.
        using var connection = database.OpenConnection();
        using var snapshot = connection.BeginTransaction();
        var builder = new LinkedTablesBuilder();
        var tables = new List<ExtractTable>();
        var keys = new List<(int Cell, string Key)>();
        for (var i = 0; i < spec.Tables.Count; i++)
        {
            var (table, tableKeys) = new ExtractTablePlanner(connection, spec, i).Add(builder);
            tables.Add(table);
            keys.AddRange(tableKeys);
        }
        var linked = Link(builder.Build(), keys);

        var populations = policy.MinimumRegionPopulation is null ? null : RegionPopulations.Load(connection, spec.FiscalYears);
        var suppressed = (suppress ?? TableSuppression.Apply)(linked, policy, populations);
        if (suppressed.Reasons.Count != linked.Cells.Count)
            throw new InvalidOperationException($"suppression judged {suppressed.Reasons.Count} cells of {linked.Cells.Count}");

        // Audited from the extract's own tables and relations, whatever the suppression step returned.
        var publication = Publication.Of(linked, suppressed.Reasons.Select(r => r is not null).ToList());
        var audit = DisclosureAuditor.Audit(publication, policy);
        if (!audit.Passed)
        {
            throw new ExtractRefusedException(
                $"extract '{spec.Name}' refused: the disclosure auditor does not pass what it would release, so nothing was written:{Environment.NewLine}{audit}");
        }
        return new BuiltExtract(spec, policy, tables, suppressed, publication, audit, Provenance(database, connection));
    }

    // Links cells that release the same count in different tables (or twice in one), beyond the margins the builder links.
    private static LinkedTables Link(LinkedTables built, List<(int Cell, string Key)> keys)
    {
        var linked = built.Relations
            .Where(r => r.Kind == "shared margin")
            .Select(r => (Math.Min(r.Total, r.Parts[0]), Math.Max(r.Total, r.Parts[0])))
            .ToHashSet();
        var relations = new List<LinearRelation>(built.Relations);
        LinkEqual(keys, "shared margin");
        relations.AddRange(StayTypeSums(keys));
        var discharges = keys.Where(k => k.Key.StartsWith(StayTotal, StringComparison.Ordinal));
        var aliases = keys.Select(k => (k.Cell, Key: DischargesAlias(k.Key))).Where(k => k.Key is not null).Select(k => (k.Cell, Key: k.Key!));
        // Only where the counts agree: a reader can only equate numbers that are equal.
        LinkEqual(discharges.Concat(aliases), "same discharges", cell => built.Cells[cell].Count);
        return new LinkedTables(built.Cells, relations);

        // Cells of one key are one number: each linked to the first, once, where their counts (when asked) agree.
        void LinkEqual(IEnumerable<(int Cell, string Key)> cellKeys, string kind, Func<int, long>? count = null)
        {
            foreach (var group in cellKeys.GroupBy(k => k.Key, k => k.Cell, StringComparer.Ordinal))
            {
                var cells = group.Order().ToList();
                foreach (var other in cells.Skip(1))
                {
                    if ((count is null || count(other) == count(cells[0])) && linked.Add((cells[0], other)))
                        relations.Add(new LinearRelation(cells[0], [other], kind));
                }
            }
        }
    }

    /// <summary>
    /// MRDx discharges at every diagnosis total, the Charlson source's discharges at the Charlson total, and the current
    /// abstracts of the warning rate are the discharges of the same codes and filters: the same number a discharges table releases, under another measure.
    /// Null for any other key.
    /// </summary>
    private static string? DischargesAlias(string key)
    {
        var parts = key.Split('|');
        var ownDimensions = parts[0] switch
        {
            "mrdx_discharges" => new[] { "chapter", "block", "category", "code", "ccsr" },
            "charlson_discharges" => ["charlson"],
            "current_abstracts" => [],
            _ => null,
        };
        if (ownDimensions is null || parts.Length != 3)
            return null;
        var pairs = parts[2].Split(';', StringSplitOptions.RemoveEmptyEntries);
        return pairs.Any(p => ownDimensions.Contains(p.Split('=')[0])) ? null : $"discharges|{parts[1]}|{parts[2]}";
    }

    /// <summary>
    /// Typical and atypical stays are the discharges, cell by cell: released side by side, any two give the third,
    /// so where an extract has all three at the same codes and filters they are one relation for suppression.
    /// </summary>
    private static IEnumerable<LinearRelation> StayTypeSums(List<(int Cell, string Key)> keys)
    {
        var first = keys.GroupBy(k => k.Key, k => k.Cell, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(), StringComparer.Ordinal);
        foreach (var (key, discharges) in first.OrderBy(k => k.Value))
        {
            if (!key.StartsWith(StayTotal, StringComparison.Ordinal))
                continue;
            var rest = key[StayTotal.Length..];
            if (first.TryGetValue(TypicalStays + rest, out var typical) && first.TryGetValue(AtypicalStays + rest, out var atypical))
                yield return new LinearRelation(discharges, [typical, atypical], "typical and atypical stays");
        }
    }


    private static ExtractProvenance Provenance(WarehouseDatabase database, DuckDB.NET.Data.DuckDBConnection connection)
    {
        string? batchId = null;
        DateTime? completedAt = null;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "select batch_id, completed_at from meta.batches order by batch_seq desc limit 1";
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                batchId = reader.GetString(0);
                completedAt = reader.GetDateTime(1);
            }
        }
        var versions = new ClassificationStore(database).ListVersions()
            .OrderBy(v => v.Kind).ThenBy(v => v.EffectiveFrom).ThenBy(v => v.Version, StringComparer.Ordinal)
            .Select(v => $"{v.Kind} {v.Version} (from {v.EffectiveFrom:yyyy-MM-dd}{(v.EffectiveTo is { } to ? $" to {to:yyyy-MM-dd}" : "")})")
            .ToList();
        var software = typeof(ExtractBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return new ExtractProvenance(batchId, completedAt, versions, $"HealthStats {software}");
    }
}
