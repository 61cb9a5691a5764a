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
    public static void Run(DuckDBConnection connection)
    {
        foreach (var (model, statement) in Models.Zip(Statements()))
        {
            try
            {
                connection.Execute(statement);
            }
            catch (DuckDBException ex)
            {
                throw new InvalidOperationException($"Building {model} failed: {ex.Message}", ex);
            }
        }
    }

    private static string ResourceName(string model) => "sql/models/" + model.Replace('.', '/') + ".sql";
}
