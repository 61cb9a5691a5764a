using HealthStats.Dashboard.Hosting;
using HealthStats.Etl.ApiTokens;
using HealthStats.Warehouse.Extracts;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.Options;

namespace HealthStats.Dashboard.Extracts;

/// <summary>
/// A scheduled extract (HealthStats:Extracts:Schedules): builds the named spec on the warehouse this
/// process holds and writes it into OUTBOX/YYYY-MM-DD-NAME/. Its only argument is the spec's name, as
/// the Hangfire dashboard shows it; the outbox comes from the schedule. The files are written into a
/// dot folder and renamed when complete, so that whoever collects the outbox never sees half an extract.
/// Safe to run twice: a second run on the same day replaces that day's folder.
/// </summary>
public sealed class ScheduledExtractJob(
    DataDirectory data,
    IOptions<HealthStatsOptions> options,
    ExtractRunner runner,
    IExtractEvents events,
    ILogger<ScheduledExtractJob> logger)
{
    public const string Actor = "job:extract";

    /// <summary>Id of the recurring job of a spec's schedule.</summary>
    public static string RecurringJobId(string spec) => $"extract-{spec}";

    /// <returns>The folder written.</returns>
    public async Task<string> RunAsync(string spec, CancellationToken cancellationToken)
    {
        var schedule = Schedule(options.Value, spec)
            ?? throw new InvalidOperationException($"no schedule for extract spec '{spec}' in HealthStats:Extracts:Schedules");
        var folder = new ExtractSpecFolder(data);
        var file = folder.Find(spec)
            ?? throw new InvalidOperationException($"scheduled extract '{spec}': no spec file {Path.Combine(folder.Directory, spec + ".json")}");
        ExtractSpec parsed;
        try
        {
            parsed = ExtractSpecReader.Read(file);
        }
        catch (ExtractSpecException ex)
        {
            throw new InvalidOperationException(
                $"scheduled extract '{spec}': the spec is not valid, nothing was written:{Environment.NewLine}{string.Join(Environment.NewLine, ex.Problems)}", ex);
        }

        BuiltExtract extract;
        try
        {
            extract = await runner.BuildAsync(parsed, cancellationToken);
        }
        catch (ExtractRefusedException ex)
        {
            throw new InvalidOperationException($"scheduled extract '{spec}': refused, nothing was written. {ex.Message}", ex);
        }

        var outbox = OutboxOf(data, schedule);
        var target = Path.Combine(outbox, $"{Today(schedule):yyyy-MM-dd}-{spec}");
        var partial = Path.Combine(outbox, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        Directory.CreateDirectory(outbox);
        IReadOnlyList<ExtractFile> files;
        try
        {
            files = await ExtractWriter.WriteAsync(extract, partial, cancellationToken);
            Publish(partial, target);
        }
        catch
        {
            if (Directory.Exists(partial))
                Directory.Delete(partial, recursive: true);
            throw;
        }

        var manifest = files.Single(f => f.Name == ExtractWriter.ManifestFile);
        events.ExtractProduced(spec, Actor, $"local:{Environment.MachineName}", manifest.Sha256);
        logger.LogInformation("Scheduled extract {Spec} written to {Folder} (manifest sha256 {Sha256})", spec, target, manifest.Sha256);
        return target;
    }

    /// <summary>The schedule of a spec (the first, if it is listed twice).</summary>
    public static ExtractSchedule? Schedule(HealthStatsOptions options, string spec) =>
        options.Extracts.Schedules.FirstOrDefault(s => string.Equals(s.Spec, spec, StringComparison.Ordinal));

    public static string OutboxOf(DataDirectory data, ExtractSchedule schedule) =>
        Path.GetFullPath(Path.Combine(data.Root, string.IsNullOrWhiteSpace(schedule.Outbox) ? Path.Combine("outbox", schedule.Spec) : schedule.Outbox));

    private static DateOnly Today(ExtractSchedule schedule)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            zone = TimeZoneInfo.Utc; // as RecurringJobs schedules it
        }
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
    }

    // A rename within the outbox is atomic; an earlier folder of the same day is set aside first and removed after.
    private static void Publish(string partial, string target)
    {
        string? previous = null;
        if (Directory.Exists(target))
        {
            previous = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.replaced");
            Directory.Move(target, previous);
        }
        Directory.Move(partial, target);
        if (previous is not null)
            Directory.Delete(previous, recursive: true);
    }
}
