using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace HealthStats.Etl.Tests.Ingest.Hostile;

/// <summary>
/// The hostile files, written at test time: broken structure, wrong encodings, impossible values, and
/// text meant for a spreadsheet or a parser rather than a warehouse. The huge ones (a 100 MB line,
/// 10,000 columns, a gzip bomb) are in HealthStats.Cli.Tests' HostileMemoryTests, where the real
/// command runs as a child process whose peak memory is measured.
/// </summary>
internal static class HostileCorpus
{
    private const string Header = AbstractFileBuilder.Header;

    /// <summary>A row that loads (J18.9 and I10 are in the test classification), with one column replaced.</summary>
    private static string Row(string abstractId, string? admit = null, string? discharge = null, string? birth = null, string? alc = null,
        string? chart = null, string? coder = null, string? mrdx = null, string? secondDx = null, string facility = "F001") =>
        $"{facility},{abstractId},A,{chart ?? "CHART-0001"},HCN-1,F,{birth ?? "1950-06-15"},K1A 0B1,R01,{admit ?? "2024-05-01"},08:30," +
        $"{discharge ?? "2024-05-06"},14:00,U,05,,,{alc ?? "0"},{coder ?? "C01"},2024-05-20,{mrdx ?? "J18.9"},M,{secondDx ?? "I10"},1,,";

    private static Action<string> Csv(params string[] rows) => path => File.WriteAllText(path, string.Join('\n', [Header, .. rows]) + "\n");

    private static Action<string> Bytes(Func<byte[]> bytes) => path => File.WriteAllBytes(path, bytes());

    private const string JsonLine =
        """{"facility_id":"F001","abstract_id":"J1","chart_number":"CH1","sex":"F","birth_date":"1950-06-15","admit_date":"2024-05-01","discharge_date":"2024-05-06","admit_category":"U","discharge_disposition":"05","coder_id":"C01","diagnoses":[{"code":"J18.9","type":"M"}]}""";

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("empty file", "empty.csv", path => File.WriteAllText(path, ""), HostileOutcome.Fails("line 1: the file is empty")),
        new("header only", "header-only.csv", Csv(), HostileOutcome.Loads(0)),
        new("truncated mid-row", "truncated.csv", path => File.WriteAllText(path, $"{Header}\n{Row("A1")}\n{Row("A2")[..40]}"),
            HostileOutcome.Quarantines(1, "S01", loaded: 1)),
        new("Latin-1 encoded", "latin1.csv", Bytes(() => Encoding.Latin1.GetBytes($"{Header}\n{Row("A1")}\n{Row("A2", chart: "JOSÉ-ÇÃO")}\n")),
            HostileOutcome.Fails("line 3: character 14 is not valid UTF-8")),
        new("UTF-16 with a byte order mark", "utf16.csv", Bytes(() => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes($"{Header}\n{Row("A1")}\n{Row("A2", chart: "JOSÉ")}\n")]),
            HostileOutcome.Loads(2)),
        new("UTF-16 big endian with a byte order mark", "utf16be.csv", Bytes(() => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes($"{Header}\n{Row("A1")}\n")]),
            HostileOutcome.Loads(1)),
        new("UTF-16 without a byte order mark", "utf16-no-bom.csv", Bytes(() => Encoding.Unicode.GetBytes($"{Header}\n{Row("A1")}\n")),
            HostileOutcome.Fails("line 1: character 2 is a NUL")),
        new("UTF-8 with a byte order mark", "utf8-bom.csv", Bytes(() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes($"{Header}\n{Row("A1", chart: "JOSÉ")}\n")]),
            HostileOutcome.Loads(1)),
        new("NUL bytes", "nul.csv", Csv(Row("A1"), Row("A2", chart: "CH\0\0RT")), HostileOutcome.Fails("line 3: character 13 is a NUL")),
        new("unbalanced quotes", "quotes.csv", Csv(Row("A1"), Row("A2", chart: "\"CHART"), Row("A3")),
            HostileOutcome.Quarantines(1, "S01", loaded: 1)),
        new("quote inside an unquoted field", "inner-quote.csv", Csv(Row("A1"), Row("A2", chart: "CH\"ART\"")),
            HostileOutcome.Quarantines(1, "S01", loaded: 1)),
        new("every field empty", "all-empty.csv", Csv(new string(',', Header.Count(c => c == ','))), HostileOutcome.Quarantines(1, "S02")),
        new("wrong number of fields", "short-row.csv", Csv(Row("A1"), "F001,A2,A"), HostileOutcome.Quarantines(1, "S01", loaded: 1)),
        new("impossible date 2023-02-30", "feb30.csv", Csv(Row("A1", admit: "2023-02-30")), HostileOutcome.Quarantines(1, "S03")),
        new("impossible date 0001-01-01", "year1.csv", Csv(Row("A1", birth: "0001-01-01")), HostileOutcome.Quarantines(1, "S03")),
        new("impossible date 9999-12-31", "year9999.csv", Csv(Row("A1", discharge: "9999-12-31")), HostileOutcome.Quarantines(1, "S03")),
        new("negative ALC days", "alc-negative.csv", Csv(Row("A1", alc: "-3")), HostileOutcome.Quarantines(1, "S07")),
        new("enormous ALC days", "alc-enormous.csv", Csv(Row("A1", alc: "99999999999999999999999")), HostileOutcome.Quarantines(1, "S07")),
        new("ALC days longer than the stay", "alc-stay.csv", Csv(Row("A1", alc: "30")), HostileOutcome.Quarantines(1, "C08")),
        new("codes in lower case with dots and spaces", "codes.csv", Csv(Row("A1", mrdx: " j18.9 ", secondDx: "i 10")), HostileOutcome.Loads(1)),
        new("duplicate keys within a file", "duplicates.csv", Csv(Row("A1"), Row("A2"), Row("A1")), HostileOutcome.Quarantines(1, "C09", loaded: 2)),
        new("formula injection in text fields", "formulas.csv",
            Csv(Row("A1", chart: "=cmd|' /C calc'!A0"), Row("A2", chart: "+SUM(A1:A9)"), Row("A3", coder: "-2+3"), Row("A4", coder: "@SUM(A1)")),
            HostileOutcome.Loads(4)),
        new("malformed JSON Lines", "malformed.jsonl",
            path => File.WriteAllText(path, string.Join('\n', JsonLine, """{"facility_id":"F001",""", "[1,2]", "not json", """{"facility_id":"F001","abstract_id":"\ud800"}""")),
            HostileOutcome.Quarantines(4, "S01", loaded: 1)),
        new("JSON Lines with a lone surrogate escape", "surrogate.jsonl",
            path => File.WriteAllText(path, JsonLine.Replace("CH1", "\\udc00", StringComparison.Ordinal)), HostileOutcome.Quarantines(1, "S01")),
        new("FHIR bundle with a dangling diagnosis reference", "dangling-condition.fhir.ndjson",
            path => File.WriteAllText(path, Dangling(b => FhirBundles.Resource(b, 1)["diagnosis"]![0]!["condition"]!["reference"] = "Condition/nowhere")),
            HostileOutcome.Quarantines(1, "S01")),
        new("FHIR bundle with a dangling subject reference", "dangling-patient.fhir.ndjson",
            path => File.WriteAllText(path, Dangling(b => FhirBundles.Resource(b, 1)["subject"]!["reference"] = "Patient/nowhere")),
            HostileOutcome.Quarantines(1, "S01")),
        new("FHIR bundle with a procedure of another encounter", "dangling-procedure.fhir.json",
            path => File.WriteAllText(path, Dangling(b => FhirBundles.Resource(b, 4)["encounter"]!["reference"] = "Encounter/nowhere")),
            HostileOutcome.Quarantines(1, "S01", loaded: 1)),
        new("FHIR bundle with an empty property name", "empty-name.fhir.ndjson",
            path => File.WriteAllText(path, Dangling(b => FhirBundles.Resource(b, 1)[""] = 1)), HostileOutcome.Quarantines(1, "S01")),
        new("FHIR bundle with a lone surrogate escape", "surrogate.fhir.ndjson",
            path => File.WriteAllText(path, Dangling(_ => { }).Replace("CH-1", "\\ud800", StringComparison.Ordinal)), HostileOutcome.Quarantines(1, "S01")),
        new("gzip cut short", "truncated.csv.gz", Bytes(() => Gzip($"{Header}\n{string.Concat(Enumerable.Range(1, 2000).Select(i => Row($"A{i}") + "\n"))}")[..2000]),
            HostileOutcome.Fails("gzip")),
        new("10,000 columns in the header", "wide.csv",
            path => File.WriteAllText(path, $"{Header},{string.Join(',', Enumerable.Range(1, 10_000 - 26).Select(i => $"x{i}"))}\n{Row("A1")}\n"),
            HostileOutcome.Fails("unknown column(s) in the header: x1, x2")),
    ];

    private static string Dangling(Action<JsonObject> breakIt)
    {
        var bundle = FhirBundles.Full();
        breakIt(bundle);
        return bundle.ToJsonString() + "\n";
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    public static TheoryData<string> Names() => [.. All.Select(c => c.Name)];
}
