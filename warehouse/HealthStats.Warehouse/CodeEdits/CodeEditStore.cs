using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.CodeEdits;

/// <summary>
/// The edit tables (reference.code_edit_imports, reference.code_edits): imports from CMS MCE or site CSV files, each
/// a version valid from its effective date, and the built-in starter set for a warehouse that imported none.
/// The warehouse must be initialised first.
/// </summary>
public sealed class CodeEditStore(WarehouseDatabase database)
{
    public const string StarterVersion = "starter";
    internal const string StarterResourceName = "code-edits/starter_code_edits.csv";

    /// <summary>
    /// Reads and checks the whole file, then stores it as one version (named <paramref name="version"/>, else
    /// <c>MCE-vNN</c> for an MCE file or the file's name). A version held under that name is replaced.
    /// </summary>
    public CodeEditImportResult Import(string path, CodeEditFormat? format, string? version)
    {
        var actual = format ?? CodeEditFiles.Sniff(path);
        var file = actual == CodeEditFormat.Mce ? CodeEditFiles.ReadMce(path) : CodeEditFiles.ReadCsv(path);
        var name = string.IsNullOrWhiteSpace(version)
            ? file.MceVersion is { } v ? $"MCE-v{v}" : Path.GetFileNameWithoutExtension(path)
            : version.Trim();
        if (string.Equals(name, StarterVersion, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"'{StarterVersion}' is the built-in edit set's name: give the import another --version");
        var formatName = actual == CodeEditFormat.Mce ? "mce" : "csv";
        var (from, replaced) = Write(name, formatName, Path.GetFileName(path), builtin: false, file);
        return new CodeEditImportResult(name, actual, from, CountsByType(file.Edits), file.Skipped, replaced);
    }

    /// <summary>
    /// Installs the built-in starter edit set (effective from 1900-01-01) from the embedded CSV. Does nothing when it is
    /// installed already; a release whose starter file changed replaces it. Imported tables win over it where in force.
    /// </summary>
    public void EnsureStarter()
    {
        var content = OpenEmbeddedStarter();
        var source = $"{StarterResourceName} sha256:{Convert.ToHexStringLower(SHA256.HashData(content))}";
        using (var connection = database.OpenConnection())
        {
            var installed = connection.Scalar<string>("select source from reference.code_edit_imports where builtin and version = $1", StarterVersion);
            if (installed == source)
                return;
        }
        using var reader = new StreamReader(new MemoryStream(content, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var file = CodeEditFiles.ReadCsv(reader, StarterResourceName);
        Write(StarterVersion, "starter", source, builtin: true, file);
    }

    public IReadOnlyList<CodeEditImportInfo> ListImports()
    {
        using var connection = database.OpenConnection();
        return ListImports(connection);
    }

    /// <summary>Reads every edit table into memory for ingest. Codes repeated across imports are shared.</summary>
    public CodeEditSnapshot LoadSnapshot()
    {
        using var connection = database.OpenConnection();
        var imports = ListImports(connection);
        var edits = imports.ToDictionary(i => i.ImportId, i => new List<CodeEdit>(i.EditCount));
        var pool = new HashSet<string>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "select import_id, edit_type, code_kind, code, effective_from, effective_to from reference.code_edits";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!edits.TryGetValue(reader.GetInt32(0), out var list))
                continue;
            var type = CodeEditTypeNames.FindByName(reader.GetString(1));
            if (type is null)
                continue; // an edit type of a later release: this one cannot run it
            var kind = ClassificationKindNames.Parse(reader.GetString(2));
            var code = reader.GetString(3);
            if (pool.TryGetValue(code, out var shared))
                code = shared;
            else
                pool.Add(code);
            list.Add(new CodeEdit(type.Type, kind, code, reader.GetFieldValue<DateOnly>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5), 0));
        }
        return new CodeEditSnapshot(imports, edits);
    }

    private (DateOnly From, bool Replaced) Write(string version, string format, string source, bool builtin, CodeEditFile file)
    {
        var from = file.Edits.Min(e => e.From);
        var counts = CountsByType(file.Edits);
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var earlier = connection.Scalar<int>("select coalesce(max(import_id), 0) from reference.code_edit_imports where version = $1", version);
        if (earlier > 0)
        {
            connection.Execute("delete from reference.code_edits where import_id = $1", earlier);
            connection.Execute("delete from reference.code_edit_imports where import_id = $1", earlier);
        }
        var importId = connection.Scalar<int>("select coalesce(max(import_id), 0) + 1 from reference.code_edit_imports");
        using (var appender = connection.CreateAppender("reference", "code_edits"))
        {
            foreach (var e in file.Edits)
            {
                var row = appender.CreateRow().AppendValue(importId).AppendValue(e.Type.ToName()).AppendValue(e.Kind.ToName()).AppendValue(e.Code)
                    .AppendValue(e.From);
                (e.To is { } to ? row.AppendValue(to) : row.AppendNullValue()).EndRow();
            }
        }
        connection.Execute(
            "insert into reference.code_edit_imports (import_id, version, format, source, effective_from, builtin, edit_types, edit_count, skipped_count, imported_at) " +
            "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            importId, version, format, source, from, builtin, string.Join(',', counts.Keys), file.Edits.Count, file.Skipped, DateTime.UtcNow);
        transaction.Commit();
        return (from, earlier > 0);
    }

    private static Dictionary<string, int> CountsByType(IReadOnlyList<CodeEdit> edits)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var info in CodeEditTypeNames.All)
        {
            var n = edits.Count(e => e.Type == info.Type);
            if (n > 0)
                counts[info.Name] = n;
        }
        return counts;
    }

    private static List<CodeEditImportInfo> ListImports(DuckDBConnection connection)
    {
        var counts = new Dictionary<int, Dictionary<string, int>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "select import_id, edit_type, count(*)::integer from reference.code_edits group by all order by all";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!counts.TryGetValue(reader.GetInt32(0), out var byType))
                    counts[reader.GetInt32(0)] = byType = new Dictionary<string, int>(StringComparer.Ordinal);
                byType[reader.GetString(1)] = reader.GetInt32(2);
            }
        }
        var result = new List<CodeEditImportInfo>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                select import_id, version, format, source, effective_from, builtin, edit_count, skipped_count, imported_at
                from reference.code_edit_imports
                order by builtin desc, effective_from, import_id
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt32(0);
                result.Add(new CodeEditImportInfo(id, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateOnly>(4),
                    reader.GetBoolean(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetDateTime(8),
                    counts.GetValueOrDefault(id) ?? new Dictionary<string, int>()));
            }
        }
        return result;
    }

    private static byte[] OpenEmbeddedStarter()
    {
        using var stream = typeof(CodeEditStore).Assembly.GetManifestResourceStream(StarterResourceName)
            ?? throw new InvalidOperationException(
                $"The built-in starter edit set {StarterResourceName} is not embedded in HealthStats.Warehouse. It is built from " +
                "warehouse/HealthStats.Warehouse/CodeEdits/Starter/starter_code_edits.csv: add that file and rebuild.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
