using System.Collections.Concurrent;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Classifications;

/// <summary>
/// The classification browser's questions. Searches read the marts' code dimensions (one row per code known to
/// any version, titled by the newest), so that a code is found once however many versions hold it, through an
/// index in memory (<see cref="CodeIndex"/>); a code's versions come from the reference tables, and its use from
/// the summaries, never from the facts.
/// </summary>
public sealed class ClassificationQueries(WarehouseDatabase database)
{
    /// <summary>A page of results a person can read; beyond it they should narrow the search.</summary>
    public const int MaxResults = 200;

    private readonly ConcurrentDictionary<ClassificationKind, CachedIndex> indexes = new();

    public CodeSearchResult Search(ClassificationKind kind, CodeSearch search) =>
        search.IsEmpty ? new CodeSearchResult([], false) : Index(kind).Search(search, MaxResults);

    /// <summary>
    /// The kind's codes in memory, read again when its classification versions or addenda have been imported since:
    /// imports need the warehouse to themselves today, but a check per search (a glance at a table of a few rows)
    /// keeps the browser right should that change.
    /// </summary>
    private CodeIndex Index(ClassificationKind kind)
    {
        using var connection = database.OpenConnection();
        var fingerprint = connection.Scalar<string>(
            """
            select
                (select count(*) || '/' || coalesce(sum(code_count), 0) || '/' || coalesce(max(imported_at)::varchar, '')
                 from reference.classification_versions where kind = $1)
                || '|' ||
                (select count(*) || '/' || coalesce(max(a.imported_at)::varchar, '')
                 from reference.classification_addenda_imports a join reference.classification_versions v using (version_id) where v.kind = $1)
            """,
            KindName(kind))!;
        var cached = indexes.GetValueOrDefault(kind);
        if (cached is not null && cached.Fingerprint == fingerprint)
            return cached.Index;
        lock (indexes)
        {
            cached = indexes.GetValueOrDefault(kind);
            if (cached is not null && cached.Fingerprint == fingerprint)
                return cached.Index;
            using var command = connection.CreateCommand();
            command.CommandText = $"select code, title, billable, version from {CodeDimension(kind)}";
            using var reader = command.ExecuteReader();
            var codes = new List<CodeMatch>();
            while (reader.Read())
                codes.Add(new CodeMatch(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), string.Intern(reader.GetString(3))));
            codes.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
            var index = new CodeIndex(codes);
            indexes[kind] = new CachedIndex(fingerprint, index);
            return index;
        }
    }

    /// <summary>The code (normalised: no dots, upper case) as the warehouse knows it, or null when no version holds it.</summary>
    public CodeDetail? Find(ClassificationKind kind, string code)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            select code, title, billable, chapter, chapter_title, block, block_title
            from {CodeDimension(kind)}
            where code = $1
            """;
        command.Parameters.Add(new DuckDBParameter(code));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        return new CodeDetail(
            reader.GetString(0), reader.GetString(1), reader.GetBoolean(2),
            NullableString(reader, 3), NullableString(reader, 4), NullableString(reader, 5), NullableString(reader, 6),
            Versions(connection, kind, code), Usage(connection, kind, code));
    }

    // The dimension of the kind: a name from this list, never from the request.
    private static string CodeDimension(ClassificationKind kind) => kind switch
    {
        ClassificationKind.Diagnosis => "marts.dim_diagnosis_codes",
        ClassificationKind.Intervention => "marts.dim_intervention_codes",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown classification kind."),
    };

    private static string KindName(ClassificationKind kind) => kind == ClassificationKind.Diagnosis ? "diagnosis" : "intervention";

    /// <summary>
    /// Every version that holds the code over its own dates, and every version whose addenda make the code valid in
    /// the year before it, read as ClassificationSnapshot (validation) reads them: there a code the addenda deleted
    /// or revised has its earlier title and flag, a code they added is not valid, and any other code of the version is.
    /// </summary>
    private static List<CodeVersion> Versions(DuckDBConnection connection, ClassificationKind kind, string code)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            with versions as (
                select version_id, version, effective_from, effective_to, builtin
                from reference.classification_versions
                where kind = $1
            ),
            held as (
                select version_id, title, billable
                from reference.classification_codes
                where code = $2
            ),
            changes as (
                select
                    version_id,
                    max(title) filter (where change in ('delete', 'revise_from')) as before_title,
                    bool_or(billable) filter (where change in ('delete', 'revise_from')) as before_billable,
                    bool_or(change in ('add', 'revise_to')) as added
                from reference.classification_addenda
                where code = $2
                group by version_id
            )
            select
                v.version, v.effective_from, v.effective_to, v.builtin,
                h.title, h.billable,
                i.version_id is not null as has_addenda,
                c.before_title, c.before_billable, coalesce(c.added, false) as added
            from versions v
            left join held h using (version_id)
            left join reference.classification_addenda_imports i using (version_id)
            left join changes c using (version_id)
            where h.version_id is not null or c.before_title is not null
            """;
        command.Parameters.Add(new DuckDBParameter(KindName(kind)));
        command.Parameters.Add(new DuckDBParameter(code));
        using var reader = command.ExecuteReader();
        var versions = new List<CodeVersion>();
        while (reader.Read())
        {
            var name = reader.GetString(0);
            var from = reader.GetFieldValue<DateOnly>(1);
            DateOnly? to = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2);
            var builtin = reader.GetBoolean(3);
            var held = !reader.IsDBNull(4);
            if (held)
                versions.Add(new CodeVersion(name, from, to, reader.GetString(4), reader.GetBoolean(5), builtin, ByAddenda: false));
            if (!reader.GetBoolean(6))
                continue;
            var (addendaFrom, addendaTo) = ClassificationAddendaInfo.Coverage(from);
            if (!reader.IsDBNull(7))
                versions.Add(new CodeVersion(name, addendaFrom, addendaTo, reader.GetString(7), reader.GetBoolean(8), builtin, ByAddenda: true));
            else if (held && !reader.GetBoolean(9))
                versions.Add(new CodeVersion(name, addendaFrom, addendaTo, reader.GetString(4), reader.GetBoolean(5), builtin, ByAddenda: true));
        }
        // Newest first, as a coder looks for the version in force today; the built-in starter (from 1900) falls last.
        return [.. versions.OrderByDescending(v => v.From).ThenBy(v => v.ByAddenda).ThenBy(v => v.Version, StringComparer.Ordinal)];
    }

    private static List<CodeUsage> Usage(DuckDBConnection connection, ClassificationKind kind, string code)
    {
        using var command = connection.CreateCommand();
        command.CommandText = kind == ClassificationKind.Diagnosis
            ? """
              select fiscal_year, sum(as_mrdx)::bigint, sum(diagnoses)::bigint
              from marts.sum_diagnoses_monthly
              where code = $1
              group by fiscal_year
              order by fiscal_year
              """
            : """
              select fiscal_year, null::bigint, sum(interventions)::bigint
              from marts.sum_interventions_yearly
              where code = $1
              group by fiscal_year
              order by fiscal_year
              """;
        command.Parameters.Add(new DuckDBParameter(code));
        using var reader = command.ExecuteReader();
        var usage = new List<CodeUsage>();
        while (reader.Read())
            usage.Add(new CodeUsage(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2)));
        return usage;
    }

    private sealed record CachedIndex(string Fingerprint, CodeIndex Index);

    private static string? NullableString(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
