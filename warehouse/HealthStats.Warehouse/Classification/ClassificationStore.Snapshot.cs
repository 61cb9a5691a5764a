namespace HealthStats.Warehouse.Classification;

public sealed partial class ClassificationStore
{
    /// <summary>Reads every version and code into memory. Strings repeated across codes and versions are shared.</summary>
    public ClassificationSnapshot LoadSnapshot()
    {
        using var connection = database.OpenConnection();
        var versions = ListVersions(connection);
        var names = versions.ToDictionary(v => v.VersionId, v => v.Version);
        var codes = versions.ToDictionary(v => v.VersionId, v => new Dictionary<string, CodeEntry>(v.CodeCount, StringComparer.Ordinal));
        var pool = new HashSet<string>(StringComparer.Ordinal);

        using var command = connection.CreateCommand();
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
        return new ClassificationSnapshot(versions, codes);
    }

    private static string Share(HashSet<string> pool, string value)
    {
        if (pool.TryGetValue(value, out var shared))
            return shared;
        pool.Add(value);
        return value;
    }
}
