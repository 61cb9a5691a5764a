using HealthStats.TestSupport;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using HealthStats.Dashboard.Extracts;
using HealthStats.Dashboard.Pages;
using HealthStats.Etl.Accounts;
using HealthStats.Etl.Audit;
using HealthStats.Warehouse.Extracts;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// Scheduled extracts (HealthStats:Extracts:Schedules) and the publication view, on a real dashboard
/// over the demo data: the job's folder holds a manifest whose hashes match its files, and the page
/// shows each table's cells exactly as the extract's CSV releases them.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class PublishingTests(PublishingDashboard dashboard) : IClassFixture<PublishingDashboard>
{
    private DashboardServer Server => dashboard.Server;

    [Fact]
    public void RecurringJob_IsRegistered_ForEachConfiguredSchedule()
    {
        using var connection = Server.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id, StringComparer.Ordinal);

        var monthly = jobs[ScheduledExtractJob.RecurringJobId("monthly")];
        Assert.Equal("0 6 1 * *", monthly.Cron);
        Assert.Equal("America/Toronto", monthly.TimeZoneId);
        Assert.Equal(nameof(ScheduledExtractJob.RunAsync), monthly.Job.Method.Name);
        // Only the spec's name (the token is Hangfire's stand-in).
        Assert.Equal("monthly", Assert.IsType<string>(monthly.Job.Args[0]));
        Assert.Contains(ScheduledExtractJob.RecurringJobId("broken"), jobs.Keys);
    }

    [Fact]
    public void CodingModelTraining_IsRegistered_WeeklyWithoutArguments()
    {
        using var connection = Server.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id, StringComparer.Ordinal);

        var training = jobs[HealthStats.Dashboard.Jobs.RecurringJobs.CodingModelTraining];
        Assert.Equal("0 4 * * 0", training.Cron);
        Assert.Equal("America/Toronto", training.TimeZoneId);
        Assert.Equal(typeof(HealthStats.Etl.Jobs.CodingModelTrainingJob), training.Job.Type);
        // A cancellation token only (Hangfire's stand-in): nothing about an abstract.
        Assert.All(training.Job.Args, a => Assert.True(a is null or CancellationToken, $"argument {a}"));
    }

    [Fact]
    public async Task ScheduledExtract_WritesADatedFolderInTheOutbox_WhoseManifestHashesMatchItsFiles_AndIsAudited()
    {
        await Server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var job = ActivatorUtilities.CreateInstance<ScheduledExtractJob>(Server.Services);

        var folder = await job.RunAsync("monthly", CancellationToken.None);
        // Safe to run twice: the day's folder is replaced, nothing is left beside it.
        Assert.Equal(folder, await job.RunAsync("monthly", CancellationToken.None));

        var outbox = Path.GetFullPath(Path.Combine(Server.DataDirectory, PublishingDashboard.MonthlyOutbox));
        Assert.Equal(outbox, Path.GetDirectoryName(folder));
        Assert.Matches(DatedFolder(), Path.GetFileName(folder));
        Assert.Equal([folder], Directory.GetDirectories(outbox));
        Assert.Empty(Directory.GetFiles(outbox));

        var manifestBytes = File.ReadAllBytes(Path.Combine(folder, ExtractWriter.ManifestFile));
        var manifest = JsonDocument.Parse(manifestBytes).RootElement;
        Assert.Equal("ministry-monthly", manifest.GetProperty("spec").GetProperty("name").GetString());
        var listed = manifest.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(
            Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => n != ExtractWriter.ManifestFile).Order(StringComparer.Ordinal),
            listed.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(listed, f => f.GetProperty("name").GetString() == "mrdx_by_block.csv");
        foreach (var file in listed)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, file.GetProperty("name").GetString()!));
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(file.GetProperty("bytes").GetInt64(), bytes.Length);
        }

        var log = AuditLog.Open(new DataDirectory(Server.DataDirectory));
        var entry = log.List(action: AuditActions.ExtractProduced).Last();
        Assert.Equal(ScheduledExtractJob.Actor, entry.Actor);
        Assert.Equal($"monthly manifest sha256:{Convert.ToHexStringLower(SHA256.HashData(manifestBytes))}", entry.Target);
    }

    [Fact]
    public async Task RecurringJob_WritesTheOutboxFolder_WhenHangfiresServerRunsIt()
    {
        await Server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var log = AuditLog.Open(new DataDirectory(Server.DataDirectory));
        var producedBefore = log.List(action: AuditActions.ExtractProduced).Count;

        // Through Hangfire's own queue and worker, as the schedule would: only the spec's name travels.
        var manager = (IRecurringJobManagerV2)Server.Services.GetRequiredService<IRecurringJobManager>();
        var jobId = manager.TriggerJob(ScheduledExtractJob.RecurringJobId("monthly"));
        Assert.NotNull(jobId);
        var storage = Server.Services.GetRequiredService<JobStorage>();
        string? state = null;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            using (var connection = storage.GetConnection())
                state = connection.GetStateData(jobId)?.Name;
            if (state is "Succeeded" or "Failed")
                break;
            await Task.Delay(200);
        }

        Assert.Equal("Succeeded", state);
        var outbox = Path.GetFullPath(Path.Combine(Server.DataDirectory, PublishingDashboard.MonthlyOutbox));
        var folder = Assert.Single(Directory.GetDirectories(outbox));
        Assert.True(File.Exists(Path.Combine(folder, ExtractWriter.ManifestFile)));
        var entry = log.List(action: AuditActions.ExtractProduced).Last();
        Assert.Equal(producedBefore + 1, log.List(action: AuditActions.ExtractProduced).Count);
        Assert.Equal(ScheduledExtractJob.Actor, entry.Actor);
    }

    [Fact]
    public async Task ScheduledExtract_FailsNamingTheProblem_AndWritesNothing_WhenTheSpecIsInvalid()
    {
        var job = ActivatorUtilities.CreateInstance<ScheduledExtractJob>(Server.Services);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunAsync("broken", CancellationToken.None));

        Assert.Contains("the spec is not valid", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_indicator", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Server.DataDirectory, "outbox", "broken")));
    }

    [Fact]
    public async Task PublicationPage_ShowsEachTableCellAsTheExtractsCsvReleasesIt_WithSuppressedCellsWithoutANumber()
    {
        await Server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var folder = new ExtractSpecFolder(new DataDirectory(Server.DataDirectory));
        var extract = await Server.Services.GetRequiredService<ExtractRunner>().BuildAsync(ExtractSpecReader.Read(folder.Find("monthly")!), CancellationToken.None);
        var files = (await ExtractWriter.RenderAsync(extract)).ToDictionary(f => f.Name, f => f.Bytes, StringComparer.Ordinal);
        using var ministry = await Server.SignInAsync(AccountRoles.Ministry);

        var html = await ministry.GetStringAsync("/Publication?spec=monthly");

        var suppressed = 0;
        foreach (var table in extract.Tables)
        {
            var csv = CsvRows.Parse(Encoding.UTF8.GetString(files[$"{table.Spec.Name}.csv"]));
            var rows = HtmlTable.Rows(html, $"publication-{table.Spec.Name}");
            Assert.Equal(csv.Count - 1, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                var expected = csv[r + 1];
                var shown = rows[r].Cells;
                Assert.Equal(expected.Count, shown.Count);
                for (var c = 0; c < shown.Count; c++)
                {
                    if (shown[c].Text == PublicationModel.Suppressed)
                    {
                        suppressed++;
                        Assert.Equal("", expected[c]);
                        Assert.DoesNotMatch("[0-9]", shown[c].Html);
                    }
                    else
                    {
                        Assert.Equal(expected[c], shown[c].Text);
                    }
                }
            }
        }
        Assert.True(suppressed > 0, $"the demo's extract has suppressed cells to show: {extract.Publication.Cells.Count(c => c.IsSuppressed)} of {extract.Publication.Cells.Count}");
        Assert.Contains(extract.Suppressed.Method, HtmlTable.Text(html), StringComparison.Ordinal);
        Assert.Contains($"{extract.Policy.Name}: threshold 5, protection width 5", HtmlTable.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicationPage_NamesTheProblems_WhenTheSpecIsInvalid()
    {
        var html = await Server.Client.GetStringAsync("/Publication?spec=broken");

        Assert.Contains("no_such_indicator", HtmlTable.Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain("publication-x", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}-monthly$")]
    private static partial Regex DatedFolder();
}
