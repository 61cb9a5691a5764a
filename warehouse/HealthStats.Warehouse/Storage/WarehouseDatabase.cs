using DuckDB.NET.Data;

namespace HealthStats.Warehouse.Storage;

/// <summary>
/// The DuckDB file of a data directory. DuckDB lets one process open a file for writing, with many
/// connections inside it; a connection must not be shared across threads, so callers open one per
/// unit of work and dispose it. While any connection is open, DuckDB.NET keeps the database instance.
/// </summary>
public sealed class WarehouseDatabase
{
    private readonly string connectionString;

    public WarehouseDatabase(DataDirectory dataDirectory, string? memoryLimit = null, string? file = null)
    {
        DataDirectory = dataDirectory;
        File = file ?? dataDirectory.WarehouseFile;
        connectionString = $"Data Source={File};storage_compatibility_version={StorageVersion}";
        MemoryLimit = memoryLimit;
    }

    // The storage format of a warehouse file this release creates (one made earlier keeps its own): the
    // newer one writes strings about twice as fast (DICT_FSST, measured at a million abstracts: each
    // string column of fct_diagnoses in 0.2-0.3 s where DuckDB's default v0.10.2 format took 0.35-0.8 s),
    // and only DuckDB 1.5 or later opens it, as DuckDB.NET's does.
    internal const string StorageVersion = "v1.5.0";

    public DataDirectory DataDirectory { get; }

    /// <summary>The DuckDB file: the data directory's warehouse, or another (a rebuild in progress).</summary>
    public string File { get; }

    public string? MemoryLimit { get; }

    public DuckDBConnection OpenConnection()
    {
        var connection = new DuckDBConnection(connectionString);
        try
        {
            connection.Open();
        }
        catch (DuckDB.NET.Data.DuckDBException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw new WarehouseLockedException(File, ex);
        }
        // The core views name lake files relative to the data directory (CoreViews).
        if (SearchesDataDirectory(DataDirectory))
            connection.Execute($"set file_search_path = {DuckDBConnectionExtensions.Literal(DataDirectory.Root)}");
        if (MemoryLimit is not null)
            connection.Execute($"set memory_limit = '{MemoryLimit.Replace("'", "", StringComparison.Ordinal)}'");
        return connection;
    }

    /// <summary>False where DuckDB's comma-separated file_search_path cannot hold the data directory's path.</summary>
    public static bool SearchesDataDirectory(DataDirectory data) => !data.Root.Contains(',', StringComparison.Ordinal);

    /// <summary>Creates schemas and tables that do not exist yet, from the embedded sql/schema files in order.</summary>
    public void Initialize()
    {
        DataDirectory.EnsureCreated();
        using var connection = OpenConnection();
        foreach (var (name, sql) in EmbeddedSql.Under("sql/schema/"))
        {
            try
            {
                connection.Execute(sql);
            }
            catch (DuckDB.NET.Data.DuckDBException ex)
            {
                throw new InvalidOperationException($"Schema script {name} failed: {ex.Message}", ex);
            }
        }
    }
}
