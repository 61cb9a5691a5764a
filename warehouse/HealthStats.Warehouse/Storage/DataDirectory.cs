namespace HealthStats.Warehouse.Storage;

/// <summary>
/// The layout of a HealthStats data directory: one place that names every file the system keeps,
/// so that backup, tests that scan for personal data, and the README agree.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string WarehouseFile => Path.Combine(Root, "warehouse.duckdb");

    /// <summary>The Parquet lake, hive-partitioned by fiscal year: the source of truth for the marts.</summary>
    public string LakeDirectory => Path.Combine(Root, "lake");

    /// <summary>Rejected raw records with their reasons. Holds personal data: owner-only files.</summary>
    public string QuarantineDirectory => Path.Combine(Root, "quarantine");

    public string InboxDirectory => Path.Combine(Root, "inbox");

    public string ProcessedDirectory => Path.Combine(InboxDirectory, "processed");

    public string FailedDirectory => Path.Combine(InboxDirectory, "failed");

    public string HangfireFile => Path.Combine(Root, "hangfire.db");

    public string SecretsDirectory => Path.Combine(Root, "secrets");

    public string HmacKeyFile => Path.Combine(SecretsDirectory, "hmac.key");

    /// <summary>Local sign-in accounts (SQLite), apart from the warehouse so the CLI can write them while the dashboard runs.</summary>
    public string AccountsFile => Path.Combine(SecretsDirectory, "accounts.db");

    /// <summary>Hashes of the extract API's bearer tokens (SQLite), beside the accounts and for the same reason.</summary>
    public string ApiTokensFile => Path.Combine(SecretsDirectory, "api-tokens.db");

    /// <summary>The extract specs the API serves, one NAME.json each: the file's name is the name a token is limited to.</summary>
    public string ExtractSpecsDirectory => Path.Combine(Root, "extract-specs");

    /// <summary>The append-only, hash-chained audit log (SQLite), written by the dashboard and the CLI alike.</summary>
    public string AuditFile => Path.Combine(SecretsDirectory, "audit.db");

    /// <summary>The dashboard's cookie and anti-forgery keys: sign-ins survive a restart.</summary>
    public string DataProtectionKeysDirectory => Path.Combine(SecretsDirectory, "data-protection-keys");

    /// <summary>The miscoding models' files, one per version in coding.models: artefacts, never in git.</summary>
    public string ModelsDirectory => Path.Combine(Root, "models");

    /// <summary>Written by a running dashboard so that the CLI hands warehouse writes to it.</summary>
    public string ServerFile => Path.Combine(Root, "server.json");

    public void EnsureCreated()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(LakeDirectory);
        Directory.CreateDirectory(InboxDirectory);
        OwnerOnly.CreateDirectory(QuarantineDirectory);
        OwnerOnly.CreateDirectory(SecretsDirectory);
    }
}
