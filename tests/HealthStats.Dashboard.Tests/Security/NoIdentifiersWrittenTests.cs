using System.IO.Compression;
using System.Text;
using DuckDB.NET.Data;
using HealthStats.Dashboard.Hosting;
using HealthStats.Etl.Generation;
using HealthStats.Etl.Handoff;
using HealthStats.Etl.Jobs;
using HealthStats.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthStats.Dashboard.Tests.Security;

/// <summary>
/// Abstracts with known identifiers go through the running dashboard (inbox, Hangfire, ingest, training,
/// flagging, a scheduled extract), some of them rejected; then every file of the data directory but quarantine, the log and
/// the console are searched for the identifiers: as UTF-8 and UTF-16 bytes, inside gzip and zip members,
/// and as the values of every DuckDB column and every Parquet column.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class NoIdentifiersWrittenTests
{
    private const int Rejected = 10;

    [Fact]
    public async Task Identifiers_AreNowhereButInQuarantine_AfterIngestTrainingFlaggingAndAnExtract()
    {
        using var temp = new TempDirectory("phi");
        var generated = temp.Combine("generated");
        AbstractGenerator.Generate(new GeneratorOptions(400, 7), generated);
        // CsvRows ends a row at CRLF; the generator writes LF.
        var rows = CsvRows.Parse(File.ReadAllText(Path.Combine(generated, AbstractGenerator.AbstractsFileName)).ReplaceLineEndings("\r\n"));
        var header = rows[0];
        int Column(string name) => header.IndexOf(name);
        // Rejected for a birth date that is no date: their chart and health card numbers must reach quarantine only.
        foreach (var row in rows.Skip(1).Take(Rejected))
            row[Column("birth_date")] = "not-a-date";
        var identifiers = Identifiers(rows.Skip(1).ToList(), Column("chart_number"), Column("health_card_number"), Column("postal_code"), Column("birth_date"));
        var data = temp.Combine("data");
        var logFile = Path.Combine(data, "logs", "dashboard.log");
        Directory.CreateDirectory(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        string console;
        using (var server = new DashboardServer(temp, ownsData: false, demo: false, new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["HealthStats:Extracts:Schedules:0:Spec"] = "monthly",
        },
            services => services.AddSingleton<ILoggerProvider>(new FileLog(logFile))))
        {
            File.WriteAllText(Path.Combine(data, "inbox", ".phi.csv"), string.Join('\n', rows.Select(Line)) + "\n");
            File.Move(Path.Combine(data, "inbox", ".phi.csv"), Path.Combine(data, "inbox", "phi.csv"));
            server.Services.GetRequiredService<InboxScanJob>().Run();
            var receipt = Path.Combine(data, "inbox", "processed", "phi.csv" + InboxFileJob.ReceiptSuffix);
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!File.Exists(receipt))
            {
                Assert.True(DateTime.UtcNow < deadline, "the inbox file was not ingested within 120 s");
                await Task.Delay(250);
            }
            var token = server.Services.GetRequiredService<WarehouseOwner>().Token;
            foreach (var path in new[] { "/internal/train", "/internal/flag" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                request.Headers.Add(RunningServer.TokenHeader, token);
                using var response = await server.AnonymousClient().SendAsync(request);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            }
            Directory.CreateDirectory(Path.Combine(data, "extract-specs"));
            File.WriteAllText(Path.Combine(data, "extract-specs", "monthly.json"), ExtractApiTests.Monthly);
            var outbox = await ActivatorUtilities.CreateInstance<HealthStats.Dashboard.Extracts.ScheduledExtractJob>(server.Services).RunAsync("monthly", CancellationToken.None);
            Assert.NotEmpty(Directory.GetFiles(outbox));
            Assert.DoesNotContain("not-a-date", await server.Client.GetStringAsync("/Data"), StringComparison.Ordinal);
            console = server.ConsoleOutput;
        }

        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(data, file);
            if (relative.StartsWith("quarantine", StringComparison.Ordinal))
                continue;
            foreach (var (member, bytes) in Contents(file))
                found.AddRange(InBytes(bytes, identifiers).Select(i => $"{relative}{member}: {i}"));
        }
        found.AddRange(InBytes(Encoding.UTF8.GetBytes(console), identifiers).Select(i => $"console: {i}"));
        found.AddRange(InTables(data, identifiers));

        Assert.Empty(found);
        var quarantined = string.Concat(Directory.GetFiles(Path.Combine(data, "quarantine")).Select(File.ReadAllText));
        Assert.Contains(rows[1][Column("chart_number")], quarantined, StringComparison.Ordinal);
        Assert.True(new FileInfo(logFile).Length > 0, "nothing was logged");
        Assert.Empty(OwnerOnlyFiles.Exposed(data));
    }

    private static List<string> Identifiers(List<List<string>> rows, int chart, int healthCard, int postal, int birth)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            values.Add(row[chart]);
            values.Add(row[healthCard]);
            var code = row[postal].Replace(" ", "", StringComparison.Ordinal);
            if (code.Length == 6)
            {
                values.Add(code);
                values.Add(code[..3] + " " + code[3..]);
            }
            // Birth dates before the data's years only: a newborn's is also its admission date, which is kept.
            if (DateOnly.TryParse(row[birth], System.Globalization.CultureInfo.InvariantCulture, out var born) && born.Year < 2000)
                values.Add(row[birth]);
        }
        values.RemoveWhere(v => v.Length < 6);
        return [.. values];
    }

    private static string Line(List<string> cells) =>
        string.Join(',', cells.Select(c => c.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));

    // The file's bytes, and those of its members where it is compressed.
    private static IEnumerable<(string Member, byte[] Bytes)> Contents(string file)
    {
        var bytes = ReadIfStillThere(file);
        if (bytes is null)
            yield break;
        yield return ("", bytes);
        if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            yield return (" (gzip)", plain.ToArray());
        }
        if (bytes.Length > 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K')
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var plain = new MemoryStream();
                stream.CopyTo(plain);
                yield return ($" ({entry.FullName})", plain.ToArray());
            }
        }
    }

    // SQLite's -shm and -journal files go away as its last connection closes.
    private static byte[]? ReadIfStillThere(string file)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static IEnumerable<string> InBytes(byte[] bytes, List<string> identifiers)
    {
        foreach (var identifier in identifiers)
        {
            if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(identifier)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(identifier)) >= 0)
                yield return identifier;
        }
    }

    // Every column of every table of the warehouse, and of every Parquet file, read as text: their pages are compressed.
    private static List<string> InTables(string data, List<string> identifiers)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, $"attach '{Path.Combine(data, "warehouse.duckdb")}' as w (read_only)");
        Execute(connection, "create temp table identifiers (v varchar)");
        using (var appender = connection.CreateAppender("identifiers"))
        {
            foreach (var identifier in identifiers)
                appender.CreateRow().AppendValue(identifier).EndRow();
        }
        var sources = new List<(string Name, string From)>();
        foreach (var (schema, table) in Rows(connection, "select table_schema, table_name from information_schema.tables where table_catalog = 'w' and table_type = 'BASE TABLE'"))
            sources.Add(($"{schema}.{table}", $"w.\"{schema}\".\"{table}\""));
        foreach (var parquet in Directory.EnumerateFiles(data, "*.parquet", SearchOption.AllDirectories))
            sources.Add((Path.GetRelativePath(data, parquet), $"read_parquet('{parquet}')"));
        var found = new List<string>();
        foreach (var (name, from) in sources)
        {
            var columns = Rows(connection, $"select column_name, column_type from (describe select * from {from})").Select(c => c.Item1).ToList();
            // The classifications' tens of thousands of titles are matched whole: they come from files, not from abstracts.
            var match = name.StartsWith("reference.", StringComparison.Ordinal) || name.StartsWith("seeds.", StringComparison.Ordinal)
                ? "t.text = i.v" : "contains(t.text, i.v)";
            foreach (var column in columns)
            {
                var hits = Rows(connection,
                    $"select distinct i.v, '' from (select distinct cast(\"{column}\" as varchar) as text from {from}) t join identifiers i on {match}");
                found.AddRange(hits.Select(h => $"{name}.{column}: {h.Item1}"));
            }
        }
        return found;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<(string, string)> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
            rows.Add((Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!, Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)!));
        return rows;
    }
}
