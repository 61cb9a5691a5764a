using System.Diagnostics;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// Builds every model whole beside the published ones, then publishes them all in one transaction. Each
/// model is built as NAME__next and committed on its own, so the models after it read it as committed
/// rows: DuckDB reads the rows a transaction made itself about half as fast (measured at a million
/// abstracts: the models took 41 s in one transaction, 27 to 34 s this way). Readers go on seeing the
/// published models, which nothing touches until the publishing transaction drops them and renames
/// the new ones into place: a catalog change, no copy. A build that fails leaves the published models as
/// they were and drops what it staged. The few models that read the batches' records are built in the
/// publishing transaction itself, after alsoPublish has written the batch's record. Intermediate models
/// are built into temporary tables for the marts to read and published as views (MartBuild.IsEphemeral).
/// </summary>
public static class StagedBuild
{
    internal const string Suffix = "__next";

    private static readonly string[] Layers = ["seeds", "staging", "intermediate", "marts"];

    /// <summary>Builds and publishes every model. Must not run inside a transaction: it commits model by model.</summary>
    /// <param name="alsoPublish">Runs inside the publishing transaction, for what must appear with the models (a batch's record).</param>
    /// <param name="built">Told each model and how long it took, for a timing report.</param>
    public static void Run(DuckDBConnection connection, Action<DuckDBConnection>? alsoPublish = null, Action<string, TimeSpan>? built = null)
    {
        DropUnpublished(connection);
        try
        {
            var staged = new Dictionary<string, string>(StringComparer.Ordinal);
            var oneBatch = HoldsOneBatch(connection);
            foreach (var model in MartBuild.Models.Where(m => !MartBuild.ReadBatchRecords.Contains(m)))
            {
                var started = Stopwatch.GetTimestamp();
                // Its inputs are the models staged before it, not the published ones.
                if (MartBuild.IsEphemeral(model))
                {
                    var temporary = EphemeralName(model);
                    MartBuild.Execute(connection, model, MartBuild.EphemeralStatement(model, temporary, IncrementalBuild.Rename(SqlOf(model, oneBatch), staged)));
                    staged[model] = temporary;
                }
                else
                {
                    var next = model + Suffix;
                    MartBuild.Execute(connection, model, IncrementalBuild.Rename(MartBuild.Statement(model, next), staged));
                    staged[model] = next;
                }
                built?.Invoke(model, Stopwatch.GetElapsedTime(started));
            }
            using var transaction = connection.BeginTransaction();
            alsoPublish?.Invoke(connection);
            Publish(connection);
            foreach (var model in MartBuild.Models.Where(MartBuild.ReadBatchRecords.Contains))
            {
                var started = Stopwatch.GetTimestamp();
                MartBuild.Build(connection, model);
                built?.Invoke(model, Stopwatch.GetElapsedTime(started));
            }
            MartBuild.RecordRecipe(connection);
            transaction.Commit();
        }
        catch
        {
            try
            {
                DropUnpublished(connection);
            }
            catch (DuckDBException)
            {
                // The build's own failure is the one to report; the next build or start drops them again.
            }
            throw;
        }
        finally
        {
            DropEphemeral(connection);
        }
    }

    // A warehouse whose lake holds one batch (its first load, or a rebuild of it) has no version to supersede:
    // landing quarantines a key that comes twice in a file, and a batch's deletions can only name keys of
    // other batches. Its current abstracts are all its versions, without grouping every key to find the
    // newest (measured at a million abstracts: 2.2 to 2.5 s, the versions alone 1.5 s).
    private static string SqlOf(string model, bool oneBatch) =>
        oneBatch && model == CurrentAbstracts ? "select * from staging.stg_abstract_versions" : MartBuild.Sql(model);

    private const string CurrentAbstracts = "intermediate.int_abstracts_current";

    private static bool HoldsOneBatch(DuckDBConnection connection) => CoreViews.VisibleBatches(connection).Count == 1;

    // The temporary tables of the intermediate models: the connection's own, gone with it, but dropped
    // now so that their memory (or their spill files) is given back as soon as the marts are built.
    private static void DropEphemeral(DuckDBConnection connection)
    {
        foreach (var model in MartBuild.Models.Where(MartBuild.IsEphemeral).Reverse())
        {
            var kind = MartBuild.IntermediateViews.Contains(model) ? "view" : "table";
            try
            {
                connection.Execute($"drop {kind} if exists temp.main.{EphemeralName(model)}");
            }
            catch (DuckDBException)
            {
                // A connection that failed mid-build may refuse; its temporary objects go when it closes.
            }
        }
    }

    private static string EphemeralName(string model) => "hs_ephemeral__" + model.Replace('.', '_');

    /// <summary>Drops the models a build staged and did not publish (one that failed, or whose process died).</summary>
    public static void DropUnpublished(DuckDBConnection connection)
    {
        foreach (var (layer, name, type) in Existing(connection).Where(o => o.Name.EndsWith(Suffix, StringComparison.Ordinal)))
            connection.Execute($"drop {(type == "VIEW" ? "view" : "table")} if exists {layer}.{name}");
    }

    // Tables first, renamed into place; then the views, made again from their own SQL, since a view's
    // text names the staged tables it was made over. Views are bound when made: they follow the recipe's
    // order, after the tables they read.
    private static void Publish(DuckDBConnection connection)
    {
        var existing = Existing(connection).ToDictionary(o => $"{o.Layer}.{o.Name}", o => o.Type, StringComparer.Ordinal);
        var staged = MartBuild.Models.Where(m => !MartBuild.ReadBatchRecords.Contains(m)).ToList();
        foreach (var model in staged.Where(m => !MartBuild.IsView(m)))
        {
            Drop(connection, model, existing);
            connection.Execute($"alter table {model}{Suffix} rename to {MartBuild.Split(model).Name}");
        }
        foreach (var model in staged.Where(MartBuild.IsView))
        {
            Drop(connection, model, existing);
            connection.Execute(MartBuild.Statement(model, model));
            if (!MartBuild.IsEphemeral(model))
                connection.Execute($"drop view {model}{Suffix}");
        }
    }

    private static void Drop(DuckDBConnection connection, string model, Dictionary<string, string> existing)
    {
        if (existing.TryGetValue(model, out var type))
            connection.Execute($"drop {(type == "VIEW" ? "view" : "table")} {model}");
    }

    private static List<(string Layer, string Name, string Type)> Existing(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "select table_schema, table_name, table_type from information_schema.tables " +
            $"where table_catalog = current_database() and table_schema in ({string.Join(", ", Layers.Select(DuckDBConnectionExtensions.Literal))})";
        using var reader = command.ExecuteReader();
        var result = new List<(string, string, string)>();
        while (reader.Read())
            result.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return result;
    }
}
