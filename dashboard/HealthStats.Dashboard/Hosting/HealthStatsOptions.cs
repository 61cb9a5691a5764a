namespace HealthStats.Dashboard.Hosting;

/// <summary>The "HealthStats" section of configuration (appsettings.json, or HealthStats__X in the environment).</summary>
public sealed class HealthStatsOptions
{
    public const string Section = "HealthStats";

    /// <summary>Holds the DuckDB file, the Parquet lake, Hangfire's storage, quarantine and keys.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Base64 pseudonymisation key; else HmacKeyFile; else the data directory's own key file.</summary>
    public string? HmacKey { get; set; }

    public string? HmacKeyFile { get; set; }

    /// <summary>DuckDB's memory_limit, e.g. "2GB"; unset leaves DuckDB's default.</summary>
    public string? DuckDbMemoryLimit { get; set; }

    public DemoOptions Demo { get; set; } = new();

    public InboxOptions Inbox { get; set; } = new();

    public CompactionOptions Compaction { get; set; } = new();

    public ExtractsOptions Extracts { get; set; } = new();

    public Review.ReviewOptions Review { get; set; } = new();

    public CodingModelOptions CodingModel { get; set; } = new();
}

public sealed class CodingModelOptions
{
    /// <summary>When the miscoding models are retrained (cron, in TimeZone): weekly, Sunday night, after the compaction.</summary>
    public string Cron { get; set; } = "0 4 * * 0";

    public string TimeZone { get; set; } = "America/Toronto";
}

public sealed class ExtractsOptions
{
    /// <summary>Extracts produced on a schedule, each by its own recurring job.</summary>
    public List<ExtractSchedule> Schedules { get; set; } = [];
}

/// <summary>One scheduled extract: a named spec of data/extract-specs, when, and the outbox it is written into.</summary>
public sealed class ExtractSchedule
{
    /// <summary>The spec's name: data/extract-specs/NAME.json.</summary>
    public string Spec { get; set; } = "";

    /// <summary>When (cron, in TimeZone); the default is 06:00 on the first of each month.</summary>
    public string Cron { get; set; } = "0 6 1 * *";

    /// <summary>The time zone of Cron and of the date in the folder's name.</summary>
    public string TimeZone { get; set; } = "America/Toronto";

    /// <summary>The folder each run writes a YYYY-MM-DD-NAME folder into, relative to the data directory; default outbox/NAME.</summary>
    public string? Outbox { get; set; }
}

public sealed class CompactionOptions
{
    /// <summary>When the lake's small files are merged (cron, in the inbox's time zone): nightly, after the feeds.</summary>
    public string Cron { get; set; } = "30 2 * * *";
}

public sealed class InboxOptions
{
    /// <summary>When the inbox is scanned for new files (cron, in TimeZone).</summary>
    public string Cron { get; set; } = "*/5 * * * *";

    public string TimeZone { get; set; } = "America/Toronto";
}

public sealed class DemoOptions
{
    /// <summary>Make demo data on the first start with an empty data directory.</summary>
    public bool Enabled { get; set; } = true;

    public int Abstracts { get; set; } = 30_000;
}
