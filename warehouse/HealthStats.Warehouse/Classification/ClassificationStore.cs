using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Classification;

/// <summary>
/// Classification versions in the warehouse (reference.classification_versions and classification_codes).
/// The warehouse must be initialised (<see cref="WarehouseDatabase.Initialize"/>) first.
/// </summary>
public sealed partial class ClassificationStore(WarehouseDatabase database)
{
    /// <summary>The name of the built-in versions that <see cref="EnsureStarter"/> installs.</summary>
    public const string StarterVersion = "starter";

    /// <summary>
    /// Stores a version's codes, replacing the codes of an earlier import of the same kind and version in one
    /// transaction. Returns the number of codes.
    /// </summary>
    /// <exception cref="ArgumentException">The dates are reversed, the version has no name or is reserved, or there are no codes or duplicates.</exception>
    public int Import(ClassificationImport import, IEnumerable<ClassificationCode> codes)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(import.Source);
        var kind = import.Kind.ToName();
        if (string.IsNullOrWhiteSpace(import.Version))
            throw new ArgumentException($"The {kind} classification to import needs a version name, such as 2026.", nameof(import));
        if (import.Version.Trim().Equals(StarterVersion, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"'{StarterVersion}' is the name of the built-in {kind} version; import under another version name.", nameof(import));
        if (import.EffectiveTo is { } to && to < import.EffectiveFrom)
        {
            throw new ArgumentException(
                $"The {kind} version {import.Version} would end on {to:yyyy-MM-dd}, before it starts on {import.EffectiveFrom:yyyy-MM-dd}: " +
                "the effective end date must be on or after the start date.", nameof(import));
        }

        var prepared = CodePreparation.Prepare(import.Kind, codes, SourceName(import.Source));
        if (prepared.Count == 0)
        {
            throw new ArgumentException(
                $"{SourceName(import.Source)} holds no codes: the {kind} version {import.Version} was not imported.", nameof(codes));
        }

        using var connection = database.OpenConnection();
        EnsureStructure(connection);
        return Write(connection, import with { Version = import.Version.Trim() }, builtin: false, prepared);
    }

    public IReadOnlyList<ClassificationVersionInfo> ListVersions()
    {
        using var connection = database.OpenConnection();
        return ListVersions(connection);
    }

    private static string SourceName(string source) => source.Length == 0 ? "The classification file" : source;

    private static IReadOnlyList<ClassificationVersionInfo> ListVersions(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            select version_id, kind, version, effective_from, effective_to, source, builtin, code_count, imported_at
            from reference.classification_versions
            order by kind, effective_from, version_id
            """;
        using var reader = command.ExecuteReader();
        var versions = new List<ClassificationVersionInfo>();
        while (reader.Read())
        {
            versions.Add(new ClassificationVersionInfo(
                reader.GetInt32(0),
                ClassificationKindNames.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.GetFieldValue<DateOnly>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                reader.GetString(5),
                reader.GetBoolean(6),
                reader.GetInt32(7),
                DateTime.SpecifyKind(reader.GetDateTime(8), DateTimeKind.Utc)));
        }
        return versions;
    }

    private static int Write(DuckDBConnection connection, ClassificationImport import, bool builtin, List<PreparedCode> codes)
    {
        var kind = import.Kind.ToName();
        using var transaction = connection.BeginTransaction();
        int? existing = null;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "select version_id, builtin from reference.classification_versions where kind = $1 and version = $2";
            command.Parameters.Add(new DuckDBParameter(kind));
            command.Parameters.Add(new DuckDBParameter(import.Version));
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                if (reader.GetBoolean(1) != builtin)
                    throw new ArgumentException($"The {kind} version {import.Version} is built in and cannot be replaced by an import.", nameof(import));
                existing = reader.GetInt32(0);
            }
        }

        int versionId;
        var importedAt = DateTime.UtcNow;
        if (existing is { } id)
        {
            versionId = id;
            connection.Execute("delete from reference.classification_codes where version_id = $1", versionId);
            // Addenda were checked against the codes being replaced: they are imported again for the new ones.
            connection.Execute("delete from reference.classification_addenda where version_id = $1", versionId);
            connection.Execute("delete from reference.classification_addenda_imports where version_id = $1", versionId);
            connection.Execute(
                """
                update reference.classification_versions
                set effective_from = $2, effective_to = $3, source = $4, code_count = $5, imported_at = $6
                where version_id = $1
                """,
                versionId, import.EffectiveFrom, import.EffectiveTo, import.Source, codes.Count, importedAt);
        }
        else
        {
            versionId = connection.Scalar<int>("select coalesce(max(version_id), 0) + 1 from reference.classification_versions");
            connection.Execute(
                """
                insert into reference.classification_versions
                    (version_id, kind, version, effective_from, effective_to, source, builtin, code_count, imported_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """,
                versionId, kind, import.Version, import.EffectiveFrom, import.EffectiveTo, import.Source, builtin, codes.Count, importedAt);
        }

        using (var appender = connection.CreateAppender("reference", "classification_codes"))
        {
            foreach (var code in codes)
            {
                appender.CreateRow()
                    .AppendValue(versionId)
                    .AppendValue(code.Code)
                    .AppendValue(code.Title)
                    .AppendValue(code.Billable)
                    .AppendValue(code.Chapter)
                    .AppendValue(code.ChapterTitle)
                    .AppendValue(code.Block)
                    .AppendValue(code.BlockTitle)
                    .AppendValue(code.Category)
                    .EndRow();
            }
        }
        transaction.Commit();
        return codes.Count;
    }
}
