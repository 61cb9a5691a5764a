using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// The recipe for the warehouse's models, built in this order: all of them by StagedBuild, those a batch
/// changes by IncrementalBuild. Read top to bottom, it says what depends on what: seeds (code lists from
/// embedded CSV files) and staging views (rename and cast only, over core, reference and seeds), then
/// intermediate tables (joins and derivations), then the marts the dashboard and extracts read (facts,
/// dimensions, summaries). Each model but the seeds is an embedded SQL file sql/models/LAYER/NAME.sql
/// whose name is the object it makes.
/// </summary>
public static class MartBuild
{
    public static readonly IReadOnlyList<string> Models =
    [
        // seeds: the code lists the models join on (Models/Seeds/README.md)
        "seeds.charlson_quan2005",
        "seeds.charlson_weights",
        "seeds.readmission_exclusions",
        "seeds.standard_age_groups",

        // staging: one view per source, renamed and cast
        "staging.stg_abstract_versions",
        "staging.stg_diagnosis_versions",
        "staging.stg_intervention_versions",
        "staging.stg_deletions",
        "staging.stg_warning_versions",
        "staging.stg_charlson_codes",
        "staging.stg_charlson_weights",
        "staging.stg_readmission_exclusions",
        "staging.stg_standard_age_groups",
        "staging.stg_ccsr_diagnoses",
        "staging.stg_ccsr_categories",

        // intermediate: the current abstracts, then what is derived from them
        "intermediate.int_abstracts_current",
        "intermediate.int_stays_linked_into_episodes",
        "intermediate.int_diagnoses_flagged_charlson",
        "intermediate.int_abstracts_scored_charlson",
        "intermediate.int_diagnoses_mapped_to_ccsr",
        "intermediate.int_episodes_followed_for_readmission",

        // marts: dimensions, then facts, then the summaries that pre-aggregate the facts
        "marts.dim_diagnosis_codes",
        "marts.dim_intervention_codes",
        "marts.dim_age_groups",
        "marts.dim_ccsr_categories",
        "marts.fct_abstracts",
        "marts.fct_diagnoses",
        "marts.fct_interventions",
        "marts.fct_diagnosis_ccsr",
        "marts.fct_episodes",
        "marts.fct_readmissions",
        "marts.dim_facilities",
        "marts.dim_data_coverage",
        "marts.sum_discharges_monthly",
        "marts.sum_discharges_by_age",
        "marts.sum_stays_by_los",
        "marts.sum_coding_turnaround",
        "marts.sum_charlson_monthly",
        "marts.sum_diagnoses_monthly",
        "marts.sum_interventions_yearly",
        "marts.sum_mrdx_discharges_monthly",
        "marts.sum_interventions_by_patient_group_yearly",
        "marts.sum_readmissions_monthly",
        "marts.sum_coding_quality_monthly",
        "marts.sum_submissions_by_batch",
    ];

    // Intermediate models are ephemeral: a build computes each one once, into a temporary table that the
    // marts read and that is dropped when they are built, and the warehouse publishes it as a view. Its rows
    // are written to the file once, in the marts, where a stored intermediate table wrote them twice:
    // measured at a million abstracts, the four stored intermediate tables took 17-19 s to build, as
    // temporary tables 8-12 s, the marts after them the same. Computed in memory (spilled to DuckDB's
    // temporary directory past the memory limit), they take no room in the file either.
    internal static bool IsEphemeral(string model) => Split(model).Layer == "intermediate";

    // Intermediate models that exactly one mart reads are not even stored for the build: a view is
    // computed where the mart reads it.
    internal static readonly HashSet<string> IntermediateViews = new(StringComparer.Ordinal)
    {
        "intermediate.int_diagnoses_mapped_to_ccsr",          // read by marts.fct_diagnosis_ccsr
        "intermediate.int_episodes_followed_for_readmission", // read by marts.fct_episodes
    };

    // Marts that are views: fct_readmissions is fct_episodes' index episodes with their discharge's
    // calendar, read by one summary (sum_readmissions_monthly) and no query of the dashboard; stored, it
    // cost 3 s of a million abstracts' build and 28 s of ten million's.
    internal static readonly HashSet<string> MartViews = new(StringComparer.Ordinal)
    {
        "marts.fct_readmissions",
    };

    /// <summary>The statement that computes an intermediate model for one build, from its SQL with its inputs renamed, as the temporary object target.</summary>
    internal static string EphemeralStatement(string model, string target, string sql) =>
        IntermediateViews.Contains(model)
            ? $"create or replace temp view {target} as\n{sql}"
            : $"create or replace temp table {target} as\n{sql}";

    // Models that read the batches' own records (meta.batches, meta.quarantine), which a batch writes in the
    // transaction that publishes it: StagedBuild makes them in that transaction, after the records.
    internal static readonly HashSet<string> ReadBatchRecords = new(StringComparer.Ordinal)
    {
        "marts.dim_facilities",
        "marts.sum_submissions_by_batch",
    };

    /// <summary>The statements the build runs, in order, for a dry run that prints them.</summary>
    public static IEnumerable<string> Statements() => Models.Select(Statement);

    /// <summary>Records that the models were built from this release's recipe (see AllCurrent).</summary>
    internal static void RecordRecipe(DuckDBConnection connection)
    {
        connection.Execute("delete from meta.model_recipe");
        connection.Execute("insert into meta.model_recipe values ($1)", RecipeSha256());
    }

    /// <summary>Builds one model whole.</summary>
    public static void Build(DuckDBConnection connection, string model)
    {
        var statement = Statement(model);
        Execute(connection, model, statement, () => DropWhenMadeOtherwise(connection, model, statement));
    }

    /// <summary>Runs a model's statement; a failure names the model, and the setting to raise when memory ran out.</summary>
    internal static void Execute(DuckDBConnection connection, string model, string statement, Action? before = null)
    {
        try
        {
            before?.Invoke();
            connection.Execute(statement);
        }
        catch (DuckDBException ex)
        {
            throw new InvalidOperationException($"Building {model} failed: {ex.Message}{MemoryHint(ex)}", ex);
        }
    }

    // DuckDB's own advice names its SET statements; the operator sets the limit in HealthStats' configuration.
    // Measured: a batch that touches every month of a warehouse of 10 million abstracts needs 2GB (1GB ran out
    // recomputing the summaries of every month), where a first load of the same 10 million fits in 1GB.
    internal static string MemoryHint(DuckDBException ex) =>
        ex.Message.Contains("Out of Memory", StringComparison.OrdinalIgnoreCase)
            ? "\nRaise DuckDB's memory limit in the configuration (HealthStats__DuckDbMemoryLimit, e.g. 2GB for a warehouse of 10 million abstracts), or leave it unset for DuckDB's default."
            : "";

    /// <summary>
    /// Whether every model exists and was built from this release's recipe: a warehouse made by an older
    /// release lacks the newer models, or holds models whose SQL (and so whose columns) changed since.
    /// </summary>
    public static bool AllCurrent(DuckDBConnection connection)
    {
        var names = string.Join(", ", Models.Select(DuckDBConnectionExtensions.Literal));
        var existing = connection.Scalar<long>(
            $"select count(*) from information_schema.tables where table_schema || '.' || table_name in ({names})");
        var recipe = connection.Scalar<string>("select max(recipe_sha256) from meta.model_recipe");
        return existing == Models.Count && recipe == RecipeSha256();
    }

    private static string RecipeSha256() =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join("\n;\n", Statements()))));

    /// <summary>The model's select statement (not for seeds, which are loaded from files).</summary>
    internal static string Sql(string model) => EmbeddedSql.Read(ResourceName(model));

    /// <summary>Whether the published model is a view, computed where it is read: staging, the ephemeral intermediate models, and MartViews.</summary>
    internal static bool IsView(string model) => Split(model).Layer == "staging" || IsEphemeral(model) || MartViews.Contains(model);

    // "create or replace view" fails on a table of the same name (and the other way round): a model
    // whose materialisation changed between releases is dropped first.
    private static void DropWhenMadeOtherwise(DuckDBConnection connection, string model, string statement)
    {
        var (layer, name) = Split(model);
        var existing = connection.Scalar<string>(
            "select table_type from information_schema.tables where table_schema = $1 and table_name = $2", layer, name);
        var wantsView = statement.StartsWith("create or replace view", StringComparison.Ordinal);
        if (existing == "VIEW" && !wantsView)
            connection.Execute($"drop view {model}");
        else if (existing == "BASE TABLE" && wantsView)
            connection.Execute($"drop table {model}");
    }

    private static string Statement(string model) => Statement(model, model);

    /// <summary>The statement that builds the model under the name target (StagedBuild builds beside the published one).</summary>
    internal static string Statement(string model, string target)
    {
        var (layer, name) = Split(model);
        return layer switch
        {
            "seeds" => Seeds.Statement(target, name),
            // Views: staging only renames and casts, so reading through it costs nothing worth storing;
            // an intermediate model is stored only for the build that reads it (IsEphemeral).
            _ when IsView(model) => $"create or replace view {target} as\n{Sql(model)}",
            _ => $"create or replace table {target} as\n{Sql(model)}",
        };
    }

    internal static (string Layer, string Name) Split(string model)
    {
        var dot = model.IndexOf('.', StringComparison.Ordinal);
        return (model[..dot], model[(dot + 1)..]);
    }

    private static string ResourceName(string model) => "sql/models/" + model.Replace('.', '/') + ".sql";
}
