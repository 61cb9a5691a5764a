using DuckDB.NET.Data;

namespace HealthStats.Warehouse.Storage;

/// <summary>
/// Lets DuckDB write the rows of an insert from Parquet files in the order its threads finish them, not the
/// order of the files: with the order kept, its scan of the lake's files waits on the slowest thread. Measured
/// at a million abstracts, the core insert of a batch's abstracts and diagnoses took 15 to 17 s kept, 9 to
/// 10.5 s relaxed. (The models, which read DuckDB's own tables, showed no difference beyond the noise.)
/// Nothing HealthStats writes depends on the order of rows in a table: every query that shows rows orders them.
/// </summary>
/// <remarks>
/// The setting belongs to the database instance, not to one connection: it is relaxed for the length of the
/// insert and restored after, so that it does not outlive the writer that needed it.
/// </remarks>
internal static class InsertionOrder
{
    /// <summary>Relaxes the order until disposed; where it is relaxed already (by an operator's setting too), leaves it so.</summary>
    public static IDisposable Relaxed(DuckDBConnection connection)
    {
        if (!connection.Scalar<bool>("select current_setting('preserve_insertion_order')"))
            return new Restore(null);
        connection.Execute("set preserve_insertion_order = false");
        return new Restore(connection);
    }

    private sealed class Restore(DuckDBConnection? connection) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                connection?.Execute("set preserve_insertion_order = true");
            }
            catch (DuckDBException)
            {
                // A connection broken by the writer's own failure: that failure is the one to report, and the
                // database instance closes with it.
            }
        }
    }
}
