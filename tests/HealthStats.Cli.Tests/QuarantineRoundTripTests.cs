using System.Text.Json;
using HealthStats.Etl.Audit;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Tests;

/// <summary>quarantine -> export -> correct -> resubmit -> loaded, and the quarantine is cleared.</summary>
public sealed class QuarantineRoundTripTests : IDisposable
{
    private const string Header =
        "facility_id,abstract_id,chart_number,health_card_number,sex,birth_date,postal_code,admit_date,discharge_date,admit_category," +
        "discharge_disposition,coder_id,dx_1_code,dx_1_type,dx_2_code,dx_2_type";

    private readonly TempDirectory temp = new("quarantine");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task CorrectedResubmission_LoadsAndClearsTheQuarantine()
    {
        var data = temp.Combine("data");
        var file = temp.Combine("march.csv");
        File.WriteAllText(file, Header + "\n" +
            "F001,A1,CH-100,HC-2000000001,F,1950-01-01,K1A 0B1,2024-05-01,2024-05-03,U,05,C1,J18.9,M,I10,1\n" +
            "F001,A2,CH-101,HC-2000000002,M,1960-01-01,K1A 0B1,2024-05-01,2024-05-04,U,05,C1,J18.9,M,X99.9,1\n" +
            "F001,A3,CH-102,HC-2000000003,M,1970-01-01,K1A 0B1,2024-05-02,2024-05-01,U,05,C1,J18.9,M,,\n");

        var ingest = await CliRun.RunAsync("ingest", file, "--json", "--data", data);
        Assert.Equal(2, JsonDocument.Parse(ingest.Out).RootElement.GetProperty("quarantined").GetInt32());

        var list = await CliRun.RunAsync("quarantine", "list", "--json", "--data", data);
        var open = JsonDocument.Parse(list.Out).RootElement;
        Assert.Equal(2, open.GetArrayLength());
        Assert.Contains(open.EnumerateArray(), e => e.GetProperty("abstract_id").GetString() == "A2" && e.GetProperty("field").GetString() == "dx_2_code");
        Assert.DoesNotContain("CH-101", list.Out, StringComparison.Ordinal);

        var export = temp.Combine("to-correct.csv");
        Assert.Equal(0, (await CliRun.RunAsync("quarantine", "export", "--out", export, "--data", data)).ExitCode);
        var exported = File.ReadAllText(export);
        Assert.Contains("quarantine_reason", exported, StringComparison.Ordinal);
        Assert.Contains("CH-101", exported, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(export));

        // The facility corrects the code and the dates, and sends the file back as it is.
        var corrected = temp.Combine("march-corrected.csv");
        File.WriteAllText(corrected, exported.Replace("X99.9", "I10", StringComparison.Ordinal).Replace("2024-05-02,,2024-05-01", "2024-05-01,,2024-05-02", StringComparison.Ordinal));
        var resubmit = await CliRun.RunAsync("ingest", corrected, "--json", "--data", data);
        Assert.True(resubmit.ExitCode == 0, resubmit.Error);
        var summary = JsonDocument.Parse(resubmit.Out).RootElement;
        Assert.Equal(2, summary.GetProperty("loaded").GetInt32());
        Assert.Equal(0, summary.GetProperty("quarantined").GetInt32());
        Assert.Equal(2, summary.GetProperty("files")[0].GetProperty("quarantine_cleared").GetInt32());

        var after = await CliRun.RunAsync("quarantine", "list", "--json", "--data", data);
        Assert.Equal(0, JsonDocument.Parse(after.Out).RootElement.GetArrayLength());
        var all = await CliRun.RunAsync("quarantine", "list", "--all", "--json", "--data", data);
        Assert.Equal(2, JsonDocument.Parse(all.Out).RootElement.GetArrayLength());

        // Every look at the quarantine is a record-level view in the audit log, without a record's content.
        var views = AuditLog.Open(new DataDirectory(data)).List(action: AuditActions.RecordView);
        Assert.Equal(
            ["quarantine list: 2 record(s)", "quarantine export: 2 record(s)", "quarantine list: 0 record(s)", "quarantine list: 2 record(s)"],
            views.Select(v => v.Target));
        Assert.All(views, v => Assert.Equal(AuditLog.CliActor(), v.Actor));
        var facilityExport = await CliRun.RunAsync("quarantine", "export", "--out", temp.Combine("none.csv"), "--facility", "F009", "--data", data);
        Assert.Equal(0, facilityExport.ExitCode);
        Assert.Equal("quarantine export: 0 record(s), facility F009", AuditLog.Open(new DataDirectory(data)).List(action: AuditActions.RecordView)[^1].Target);

        var batches = await CliRun.RunAsync("batches", "--json", "--data", data);
        var root = JsonDocument.Parse(batches.Out).RootElement;
        Assert.Equal("march-corrected.csv", root.GetProperty("batches")[0].GetProperty("file").GetString());
        Assert.Equal("F001", root.GetProperty("facilities")[0].GetProperty("facility_id").GetString());
    }

    [Fact]
    public async Task QuarantineExport_GivesJsonLinesRecordsBackAsCsv_ThatLoadOnceCorrected()
    {
        var data = temp.Combine("data");
        var file = temp.Combine("april.jsonl");
        const string common = "\"admit_date\":\"2024-05-01\",\"discharge_date\":\"2024-05-03\",\"admit_category\":\"U\",\"discharge_disposition\":\"05\",\"coder_id\":\"C1\",\"alc_days\":0";
        File.WriteAllText(file,
            "{\"facility_id\":\"F001\",\"abstract_id\":\"A1\",\"chart_number\":\"CH-100\",\"sex\":\"F\",\"birth_date\":\"1950-01-01\"," + common + ",\"diagnoses\":[{\"code\":\"J18.9\",\"type\":\"M\"}]}\n" +
            "{\"facility_id\":\"F001\",\"abstract_id\":\"A2\",\"chart_number\":\"CH-101\",\"sex\":\"M\",\"birth_date\":\"1960-01-01\"," + common + ",\"diagnoses\":[{\"code\":\"J18.9\",\"type\":\"M\"},{\"code\":\"X99.9\",\"type\":\"1\"}]}\n" +
            "{\"facility_id\":\"F001\",\"abstract_id\":\"A3\",\"chart_number\":\"CH-102\",\"sex\":7,\"birth_date\":\"1970-01-01\"," + common + ",\"diagnoses\":[{\"code\":\"J18.9\",\"type\":\"M\"}],\"interventions\":[]}\n");

        var ingest = await CliRun.RunAsync("ingest", file, "--json", "--data", data);
        var counts = JsonDocument.Parse(ingest.Out).RootElement;
        Assert.Equal(2, counts.GetProperty("quarantined").GetInt32());
        Assert.Equal(1, counts.GetProperty("quarantined_by_reason").GetProperty("S01").GetInt32());

        var export = temp.Combine("to-correct.csv");
        Assert.Equal(0, (await CliRun.RunAsync("quarantine", "export", "--out", export, "--data", data)).ExitCode);
        var lines = File.ReadAllLines(export);
        Assert.Equal(3, lines.Length);
        // The malformed record was read again from its JSON: its fields fill the columns, its sex (a number) stays empty.
        var malformed = lines.Single(l => l.StartsWith("F001,A3,", StringComparison.Ordinal));
        Assert.StartsWith("F001,A3,,CH-102,,,1970-01-01,,,2024-05-01,,2024-05-03,,U,05,,,0,C1,,J18.9,M,", malformed, StringComparison.Ordinal);
        Assert.Contains("field 'sex': must be a string", malformed, StringComparison.Ordinal);
        Assert.Contains("\"\"sex\"\":7", malformed, StringComparison.Ordinal);
        Assert.StartsWith("F001,A2,,CH-101,,M,1960-01-01,", lines.Single(l => l.Contains(",A2,", StringComparison.Ordinal)), StringComparison.Ordinal);

        var corrected = temp.Combine("april-corrected.csv");
        File.WriteAllText(corrected, File.ReadAllText(export)
            .Replace("X99.9", "I10", StringComparison.Ordinal)
            .Replace("F001,A3,,CH-102,,,", "F001,A3,,CH-102,,M,", StringComparison.Ordinal));
        var resubmit = await CliRun.RunAsync("ingest", corrected, "--json", "--data", data);
        Assert.True(resubmit.ExitCode == 0, resubmit.Error);
        var summary = JsonDocument.Parse(resubmit.Out).RootElement;
        Assert.Equal(2, summary.GetProperty("loaded").GetInt32());
        Assert.Equal(0, summary.GetProperty("quarantined").GetInt32());
        Assert.Equal(2, summary.GetProperty("files")[0].GetProperty("quarantine_cleared").GetInt32());
    }
}
