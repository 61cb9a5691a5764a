using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Classification;

public sealed partial class ClassificationStore
{
    private static readonly Dictionary<AddendumChange, string> ChangeNames = new()
    {
        [AddendumChange.Add] = "add",
        [AddendumChange.Delete] = "delete",
        [AddendumChange.ReviseFrom] = "revise_from",
        [AddendumChange.ReviseTo] = "revise_to",
    };

    /// <summary>
    /// Attaches addenda to an imported version, replacing addenda imported for it before, in one transaction. The
    /// addenda must fit the version: every code they add (or revise to) is in it with that billable flag, and every
    /// code they only delete is not in it with the flag it had. <paramref name="source"/> names the file in errors.
    /// </summary>
    /// <exception cref="ArgumentException">The version is not imported, or is the built-in one.</exception>
    /// <exception cref="ClassificationFileException">A line contradicts the version or another line.</exception>
    public ClassificationAddendaInfo ImportAddenda(ClassificationKind kind, string version, string source, IReadOnlyList<AddendumEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(entries);
        var kindName = kind.ToName();
        version = version.Trim();
        using var connection = database.OpenConnection();
        var info = ListVersions(connection).FirstOrDefault(v => v.Kind == kind && v.Version == version)
            ?? throw new ArgumentException(
                $"There is no {kindName} version '{version}' to attach addenda to: import it first with reference import-classification.", nameof(version));
        if (info.Builtin)
            throw new ArgumentException($"The {kindName} version {version} is built in: addenda attach to imported versions only.", nameof(version));
        if (entries.Count == 0)
            throw new ArgumentException($"{source} holds no changes.", nameof(entries));

        var inVersion = new Dictionary<string, bool>(info.CodeCount, StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "select code, billable from reference.classification_codes where version_id = $1";
            command.Parameters.Add(new DuckDBParameter(info.VersionId));
            using var reader = command.ExecuteReader();
            while (reader.Read())
                inVersion[reader.GetString(0)] = reader.GetBoolean(1);
        }
        Check(entries, inVersion, version, source);

        // Chapter, block and category as an import would give them, so that a deleted code reads like any other.
        var before = CodePreparation.Prepare(kind, entries.Where(e => e.DescribesBefore).Select(e => new ClassificationCode(e.Code, e.Title, e.Billable)), source)
            .ToDictionary(p => p.Code, StringComparer.Ordinal);
        var after = CodePreparation.Prepare(kind, entries.Where(e => !e.DescribesBefore).Select(e => new ClassificationCode(e.Code, e.Title, e.Billable)), source)
            .ToDictionary(p => p.Code, StringComparer.Ordinal);

        var importedAt = DateTime.UtcNow;
        var additions = entries.Count(e => e.Change == AddendumChange.Add);
        var deletions = entries.Count(e => e.Change == AddendumChange.Delete);
        var revisions = entries.Count(e => e.Change == AddendumChange.ReviseTo);
        using var transaction = connection.BeginTransaction();
        connection.Execute("delete from reference.classification_addenda where version_id = $1", info.VersionId);
        connection.Execute("delete from reference.classification_addenda_imports where version_id = $1", info.VersionId);
        using (var appender = connection.CreateAppender("reference", "classification_addenda"))
        {
            foreach (var entry in entries)
            {
                var prepared = (entry.DescribesBefore ? before : after)[entry.Code];
                appender.CreateRow()
                    .AppendValue(info.VersionId)
                    .AppendValue(entry.Line)
                    .AppendValue(ChangeNames[entry.Change])
                    .AppendValue(entry.Code)
                    .AppendValue(entry.Billable)
                    .AppendValue(entry.Title)
                    .AppendValue(prepared.Chapter)
                    .AppendValue(prepared.ChapterTitle)
                    .AppendValue(prepared.Block)
                    .AppendValue(prepared.BlockTitle)
                    .AppendValue(prepared.Category)
                    .EndRow();
            }
        }
        connection.Execute(
            "insert into reference.classification_addenda_imports values ($1, $2, $3, $4, $5, $6)",
            info.VersionId, source, additions, deletions, revisions, importedAt);
        transaction.Commit();
        var (from, to) = ClassificationAddendaInfo.Coverage(info.EffectiveFrom);
        return new ClassificationAddendaInfo(info.VersionId, kind, version, source, additions, deletions, revisions, from, to, importedAt);
    }

    public IReadOnlyList<ClassificationAddendaInfo> ListAddenda()
    {
        using var connection = database.OpenConnection();
        var versions = ListVersions(connection).ToDictionary(v => v.VersionId);
        using var command = connection.CreateCommand();
        command.CommandText = "select version_id, source, additions, deletions, revisions, imported_at from reference.classification_addenda_imports";
        using var reader = command.ExecuteReader();
        var result = new List<ClassificationAddendaInfo>();
        while (reader.Read())
        {
            if (!versions.TryGetValue(reader.GetInt32(0), out var info))
                continue;
            var (from, to) = ClassificationAddendaInfo.Coverage(info.EffectiveFrom);
            result.Add(new ClassificationAddendaInfo(info.VersionId, info.Kind, info.Version, reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3),
                reader.GetInt32(4), from, to, DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc)));
        }
        return [.. result.OrderBy(a => a.Kind).ThenBy(a => a.CoversFrom)];
    }

    private static void Check(IReadOnlyList<AddendumEntry> entries, Dictionary<string, bool> inVersion, string version, string source)
    {
        var beforeLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var afterLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var lines = entry.DescribesBefore ? beforeLine : afterLine;
            if (!lines.TryAdd(entry.Code, entry.Line))
            {
                throw new ClassificationFileException(source, entry.Line, "code",
                    $"{entry.Code} is already {(entry.DescribesBefore ? "deleted or revised from" : "added or revised to")} on line {lines[entry.Code]}");
            }
        }
        foreach (var entry in entries)
        {
            var held = inVersion.TryGetValue(entry.Code, out var billable);
            if (!entry.DescribesBefore && (!held || billable != entry.Billable))
            {
                throw new ClassificationFileException(source, entry.Line, "code",
                    $"{entry.Code} is added as a {Describe(entry.Billable)}, but version {version} " +
                    (held ? $"holds it as a {Describe(billable)}" : "does not hold it") + ": are these the addenda of another version?");
            }
            if (entry.Change == AddendumChange.Delete && !afterLine.ContainsKey(entry.Code) && held && billable == entry.Billable)
            {
                throw new ClassificationFileException(source, entry.Line, "code",
                    $"{entry.Code} is deleted, but version {version} still holds it as a {Describe(billable)}: are these the addenda of another version?");
            }
        }
    }

    private static string Describe(bool billable) => billable ? "billable code" : "header";
}
