using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Csv;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// Imports an audit outcomes file (formats.md section 3) into coding.audit_outcomes, in one transaction,
/// with source 'import:' and the file's SHA-256 (so the same file twice imports nothing). Each row is
/// validated; an abstract that is not current in the warehouse is rejected, since no model can learn
/// from an abstract it cannot see: import the file again once the abstract is loaded.
/// </summary>
public sealed partial class LabelsImport(WarehouseDatabase database)
{
    public static readonly string[] Columns =
        ["facility_id", "abstract_id", "outcome", "error_type", "corrected_codes", "reviewer_id", "reviewed_date"];

    private static readonly string[] Required = ["facility_id", "abstract_id", "outcome"];

    private sealed record Row(long Line, string FacilityId, string AbstractId, string Outcome, string? ErrorType, string? CorrectedCodes,
        string? ReviewerId, DateOnly? ReviewedDate);

    public async Task<LabelsImportResult> ImportAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file", path);
        var sha = await FileHash.Sha256Async(path, cancellationToken);
        var source = "import:" + sha;
        var fileName = Path.GetFileName(path);
        var (rows, rejections, received) = Parse(path, fileName);

        using var gate = await WriteGate.EnterAsync(database.DataDirectory, cancellationToken);
        using var connection = database.OpenConnection();
        if (connection.Scalar<long>("select count(*) from coding.audit_outcomes where source = $1", source) > 0)
            return new LabelsImportResult { File = fileName, Source = source, AlreadyImported = true, Received = received };

        var now = DateTime.UtcNow;
        HashSet<long> unknown;
        using (var transaction = connection.BeginTransaction())
        {
            unknown = Stage(connection, rows);
            // Rows keep their file order, so the latest row of an abstract in the file is its latest outcome.
            connection.Execute(
                "insert into coding.audit_outcomes (facility_id, abstract_id, abstract_batch_id, outcome, error_type, corrected_codes, " +
                "reviewer_id, reviewed_date, source, recorded_at) select l.facility_id, l.abstract_id, a.batch_id, l.outcome, l.error_type, " +
                "l.corrected_codes, l.reviewer_id, l.reviewed_date, $1, $2 from labels_in l join marts.fct_abstracts a using (facility_id, abstract_id) " +
                "order by l.line", source, now);
            connection.Execute("drop table labels_in");
            transaction.Commit();
        }
        foreach (var row in rows.Where(r => unknown.Contains(r.Line)))
            rejections.Add(new LabelRejection(row.Line, "abstract_id",
                $"{fileName}: line {row.Line}: abstract_id: facility {row.FacilityId} abstract {row.AbstractId} is not a current abstract of the warehouse (not loaded, quarantined or deleted)"));
        var imported = rows.Count - unknown.Count;
        return new LabelsImportResult
        {
            File = fileName,
            Source = source,
            Received = received,
            Imported = imported,
            Rejections = [.. rejections.OrderBy(r => r.Line)],
        };
    }

    private static (List<Row> Rows, List<LabelRejection> Rejections, int Received) Parse(string path, string fileName)
    {
        using var text = new StreamReader(path);
        var reader = new CsvRowReader(text, fileName);
        var header = reader.Read() ?? throw new FormatException($"{fileName}: line 1: the file is empty (expected the header {string.Join(',', Columns)})");
        var names = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        foreach (var name in names.Where(n => !Columns.Contains(n)))
            throw new FormatException($"{fileName}: line 1: unknown column '{name}' (the columns are {string.Join(',', Columns)})");
        foreach (var name in Required.Where(r => !names.Contains(r)))
            throw new FormatException($"{fileName}: line 1: required column '{name}' is missing");
        var ordinals = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);

        var rows = new List<Row>();
        var rejections = new List<LabelRejection>();
        var received = 0;
        while (reader.Read() is { } record)
        {
            if (record.Fields.Length == 1 && record.Fields[0].Length == 0)
                continue; // a blank line is not a row
            received++;
            var line = record.Line;
            LabelRejection Reject(string field, string reason) => new(line, field, $"{fileName}: line {line}: {field}: {reason}");
            if (reader.LastError is { } error || record.Fields.Length != names.Length)
            {
                rejections.Add(Reject("*", reader.LastError ?? $"{record.Fields.Length} fields where the header has {names.Length}"));
                continue;
            }
            string? Field(string name) => ordinals.TryGetValue(name, out var i) && record.Fields[i].Trim() is { Length: > 0 } v ? v : null;
            var problem = Check(Field, out var reviewed);
            if (problem is not null)
            {
                rejections.Add(Reject(problem.Value.Field, problem.Value.Reason));
                continue;
            }
            rows.Add(new Row(line, Field("facility_id")!, Field("abstract_id")!, Field("outcome")!.ToLowerInvariant(), Field("error_type"),
                Field("corrected_codes")?.ToUpperInvariant(), Field("reviewer_id"), reviewed));
        }
        return (rows, rejections, received);
    }

    private static (string Field, string Reason)? Check(Func<string, string?> field, out DateOnly? reviewed)
    {
        reviewed = null;
        foreach (var name in Required)
        {
            if (field(name) is null)
                return (name, "required, but empty");
        }
        var outcome = field("outcome")!.ToLowerInvariant();
        if (outcome is not ("miscoded" or "correct"))
            return ("outcome", $"'{field("outcome")}' is neither miscoded nor correct");
        if (outcome == "correct" && field("error_type") is { } type)
            return ("error_type", $"'{type}' given for an abstract found correct");
        if (field("error_type") is { } errorType && !ErrorTypePattern().IsMatch(errorType))
            return ("error_type", $"'{errorType}' is not an error type name (lower case letters, digits and '_')");
        if (field("corrected_codes") is { } codes)
        {
            foreach (var item in codes.Split(';'))
            {
                if (!CorrectedCodePattern().IsMatch(item.Trim()))
                    return ("corrected_codes", $"'{item}' is not code:type (e.g. J44.1:M)");
            }
        }
        if (field("reviewed_date") is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return ("reviewed_date", $"'{date}' is not a date (YYYY-MM-DD)");
            if (parsed > DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)))
                return ("reviewed_date", $"{date} is in the future");
            reviewed = parsed;
        }
        return null;
    }

    // Loads the valid rows into a temporary table; returns the lines whose abstract is not current in the warehouse.
    private static HashSet<long> Stage(DuckDBConnection connection, List<Row> rows)
    {
        connection.Execute(
            "create or replace temp table labels_in (line bigint, facility_id varchar, abstract_id varchar, outcome varchar, error_type varchar, " +
            "corrected_codes varchar, reviewer_id varchar, reviewed_date date)");
        using (var appender = connection.CreateAppender("temp", "main", "labels_in"))
        {
            foreach (var row in rows)
            {
                var r = appender.CreateRow().AppendValue(row.Line).AppendValue(row.FacilityId).AppendValue(row.AbstractId).AppendValue(row.Outcome)
                    .AppendValue(row.ErrorType).AppendValue(row.CorrectedCodes).AppendValue(row.ReviewerId);
                (row.ReviewedDate is { } date ? r.AppendValue(date) : r.AppendNullValue()).EndRow();
            }
        }
        using var command = connection.CreateCommand();
        command.CommandText = "select line from labels_in l anti join marts.fct_abstracts a using (facility_id, abstract_id)";
        using var reader = command.ExecuteReader();
        var result = new HashSet<long>();
        while (reader.Read())
            result.Add(reader.GetInt64(0));
        return result;
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex ErrorTypePattern();

    [GeneratedRegex("^[A-Za-z0-9.]+:[A-Za-z0-9]$")]
    private static partial Regex CorrectedCodePattern();
}
