using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// The recipe for the marts: each model is an embedded SQL file whose name is the table it makes,
/// built in this order. Read top to bottom, it says what depends on what.
/// </summary>
public static class MartBuild
{
    public static readonly IReadOnlyList<string> Models =
    [
        "marts.dim_diagnosis_codes",
        "marts.dim_intervention_codes",
        "marts.fct_abstracts",
        "marts.fct_diagnoses",
        "marts.fct_interventions",
        "marts.dim_facilities",
    ];

    /// <summary>The statements the build runs, for a dry run that prints them.</summary>
    public static IEnumerable<string> Statements() =>
        Models.Select(model => $"create or replace table {model} as\n{EmbeddedSql.Read(ResourceName(model))}");

    /// <summary>Rebuilds every mart on the caller's connection (and so inside the caller's transaction).</summary>
    public static void Run(DuckDBConnection connection, Action<string, TimeSpan>? built = null)
    {
        foreach (var model in Models)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Build(connection, model);
            built?.Invoke(model, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Builds one model whole.</summary>
    public static void Build(DuckDBConnection connection, string model)
    {
        try
        {
            connection.Execute($"create or replace table {model} as\n{Sql(model)}");
        }
        catch (DuckDBException ex)
        {
            throw new InvalidOperationException($"Building {model} failed: {ex.Message}", ex);
        }
    }

    /// <summary>Whether every model exists (a warehouse made by an older release lacks the newer ones).</summary>
    public static bool AllExist(DuckDBConnection connection)
    {
        var names = string.Join(", ", Models.Select(DuckDBConnectionExtensions.Literal));
        var existing = connection.Scalar<long>(
            $"select count(*) from information_schema.tables where table_schema || '.' || table_name in ({names})");
        return existing == Models.Count;
    }

    /// <summary>The model's select statement.</summary>
    internal static string Sql(string model) => EmbeddedSql.Read(ResourceName(model));

    internal static bool IsView(string model) => false;

    private static string ResourceName(string model) => "sql/models/" + model.Replace('.', '/') + ".sql";
}
