namespace HealthStats.Warehouse.Storage;

/// <summary>Another process holds the DuckDB file open for writing.</summary>
public sealed class WarehouseLockedException(string file, Exception inner)
    : IOException(
        $"The warehouse {file} is open in another process. Only one process may write it: stop that process, " +
        "or let a running dashboard do the work (the CLI hands ingests to a dashboard it finds running).", inner);
