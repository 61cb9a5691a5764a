namespace HealthStats.Warehouse.Classification;

public sealed partial class ClassificationStore
{
    /// <summary>Reads every version, code and addenda line into memory. Strings repeated across codes and versions are shared.</summary>
    public ClassificationSnapshot LoadSnapshot()
    {
        using var connection = database.OpenConnection();
        var versions = ListVersions(connection);
        var names = versions.ToDictionary(v => v.VersionId, v => v.Version);
        var codes = versions.ToDictionary(v => v.VersionId, v => new Dictionary<string, CodeEntry>(v.CodeCount, StringComparer.Ordinal));
        var pool = new HashSet<string>(StringComparer.Ordinal);

        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                select version_id, code, title, billable, chapter, block, category
                from reference.classification_codes
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var versionId = reader.GetInt32(0);
                if (!codes.TryGetValue(versionId, out var entries))
                    continue; // rows without a version row: none are written, and a snapshot has no use for them
                var code = Share(pool, reader.GetString(1));
                entries[code] = new CodeEntry(
                    code,
                    Share(pool, reader.GetString(2)),
                    reader.GetBoolean(3),
                    reader.IsDBNull(4) ? null : Share(pool, reader.GetString(4)),
                    reader.IsDBNull(5) ? null : Share(pool, reader.GetString(5)),
                    reader.IsDBNull(6) ? null : Share(pool, reader.GetString(6)),
                    names[versionId]);
            }
        }

        // Per version with addenda, what differs in the year before it: a code's earlier entry (deleted or revised),
        // or null for a code that did not exist yet (added).
        var before = new Dictionary<int, Dictionary<string, CodeEntry?>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                select a.version_id, a.change, a.code, a.title, a.billable, a.chapter, a.block, a.category
                from reference.classification_addenda a
                join reference.classification_addenda_imports i using (version_id)
                order by a.version_id, a.line
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var versionId = reader.GetInt32(0);
                var info = versions.FirstOrDefault(v => v.VersionId == versionId);
                if (info is null)
                    continue;
                if (!before.TryGetValue(versionId, out var changes))
                    before[versionId] = changes = new Dictionary<string, CodeEntry?>(StringComparer.Ordinal);
                var code = Share(pool, reader.GetString(2));
                if (reader.GetString(1) is "delete" or "revise_from")
                {
                    changes[code] = new CodeEntry(
                        code,
                        reader.GetString(3),
                        reader.GetBoolean(4),
                        reader.IsDBNull(5) ? null : Share(pool, reader.GetString(5)),
                        reader.IsDBNull(6) ? null : Share(pool, reader.GetString(6)),
                        reader.IsDBNull(7) ? null : Share(pool, reader.GetString(7)),
                        ClassificationSnapshot.BeforeName(info));
                }
                else
                {
                    changes.TryAdd(code, null); // a code both deleted and added (billable code become header) keeps its earlier entry
                }
            }
        }
        return new ClassificationSnapshot(versions, codes, before);
    }

    private static string Share(HashSet<string> pool, string value)
    {
        if (pool.TryGetValue(value, out var shared))
            return shared;
        pool.Add(value);
        return value;
    }
}
