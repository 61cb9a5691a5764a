using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// Brings the models up to date after one batch without rebuilding them: only the patients the batch
/// touched are recomputed. A batch's abstracts, and every earlier version of their keys, name a set of
/// patients; every stay of those patients is the scope. Each model that holds batch data is computed
/// from its usual SQL, with its inputs narrowed to the scope, and its rows for the scope are replaced;
/// summaries by month or year have their rows for the scope's months or years replaced (SummarySlices),
/// other models that aggregate everything are rebuilt whole, after the facts they read; models that
/// read only reference data stay as they are. A patient-level model (episodes, readmissions) is right on
/// such a scope because it holds every stay of each of its patients. The result equals a full build
/// (the rebuild tests compare them), and a batch that touches much of the warehouse gets a full build
/// (StagedBuild) instead.
/// </summary>
public static partial class IncrementalBuild
{
    /// <summary>Above this share of the current abstracts in scope, a full build is cheaper.</summary>
    public const double FullBuildShare = 0.25;

    // The sources narrowed to the scope: landed versions of the scope's abstracts.
    private static readonly IReadOnlyList<string> ScopedSources =
        ["core.abstract_versions", "core.diagnosis_versions", "core.intervention_versions", "core.warning_versions", "core.deletions"];

    /// <summary>How each model follows a batch.</summary>
    internal enum Refresh
    {
        /// <summary>Reads only reference data: a batch changes nothing in it.</summary>
        Unchanged,

        /// <summary>Holds rows of abstracts or patients: its rows for the scope are replaced.</summary>
        Scoped,

        /// <summary>Aggregates over everything: rebuilt whole after the scoped models.</summary>
        Whole,

        /// <summary>Aggregates by a time in its grain: its rows for the times the scope touched are replaced (SummarySlices).</summary>
        Sliced,
    }

    internal static readonly IReadOnlyDictionary<string, Refresh> Refreshes = new Dictionary<string, Refresh>(StringComparer.Ordinal)
    {
        ["seeds.charlson_quan2005"] = Refresh.Unchanged,
        ["seeds.charlson_weights"] = Refresh.Unchanged,
        ["seeds.readmission_exclusions"] = Refresh.Unchanged,
        ["seeds.standard_age_groups"] = Refresh.Unchanged,

        ["staging.stg_abstract_versions"] = Refresh.Scoped,
        ["staging.stg_diagnosis_versions"] = Refresh.Scoped,
        ["staging.stg_intervention_versions"] = Refresh.Scoped,
        ["staging.stg_deletions"] = Refresh.Scoped,
        ["staging.stg_warning_versions"] = Refresh.Scoped,
        ["staging.stg_charlson_codes"] = Refresh.Unchanged,
        ["staging.stg_charlson_weights"] = Refresh.Unchanged,
        ["staging.stg_readmission_exclusions"] = Refresh.Unchanged,
        ["staging.stg_standard_age_groups"] = Refresh.Unchanged,
        ["staging.stg_ccsr_diagnoses"] = Refresh.Unchanged,
        ["staging.stg_ccsr_categories"] = Refresh.Unchanged,

        ["intermediate.int_abstracts_current"] = Refresh.Scoped,
        ["intermediate.int_stays_linked_into_episodes"] = Refresh.Scoped,
        ["intermediate.int_diagnoses_flagged_charlson"] = Refresh.Scoped,
        ["intermediate.int_abstracts_scored_charlson"] = Refresh.Scoped,
        ["intermediate.int_diagnoses_mapped_to_ccsr"] = Refresh.Scoped,
        ["intermediate.int_episodes_followed_for_readmission"] = Refresh.Scoped,

        ["marts.dim_diagnosis_codes"] = Refresh.Unchanged,
        ["marts.dim_intervention_codes"] = Refresh.Unchanged,
        ["marts.dim_age_groups"] = Refresh.Unchanged,
        ["marts.dim_ccsr_categories"] = Refresh.Unchanged,
        ["marts.fct_abstracts"] = Refresh.Scoped,
        ["marts.fct_diagnoses"] = Refresh.Scoped,
        ["marts.fct_interventions"] = Refresh.Scoped,
        ["marts.fct_diagnosis_ccsr"] = Refresh.Scoped,
        ["marts.fct_episodes"] = Refresh.Scoped,
        ["marts.fct_readmissions"] = Refresh.Scoped,
        ["marts.dim_facilities"] = Refresh.Whole,
        ["marts.dim_data_coverage"] = Refresh.Whole,
        ["marts.sum_discharges_monthly"] = Refresh.Sliced,
        ["marts.sum_discharges_by_age"] = Refresh.Sliced,
        ["marts.sum_stays_by_los"] = Refresh.Sliced,
        ["marts.sum_coding_turnaround"] = Refresh.Sliced,
        ["marts.sum_charlson_monthly"] = Refresh.Sliced,
        ["marts.sum_diagnoses_monthly"] = Refresh.Sliced,
        ["marts.sum_interventions_yearly"] = Refresh.Sliced,
        ["marts.sum_mrdx_discharges_monthly"] = Refresh.Sliced,
        ["marts.sum_interventions_by_patient_group_yearly"] = Refresh.Sliced,
        ["marts.sum_readmissions_monthly"] = Refresh.Sliced,
        ["marts.sum_coding_quality_monthly"] = Refresh.Sliced,
        ["marts.sum_submissions_by_batch"] = Refresh.Whole,
    };

    /// <summary>
    /// Updates the models for the batch just inserted into core (inside the caller's transaction). Returns
    /// false, having changed no model, when a full build is needed instead (StagedBuild): no models of this
    /// recipe yet, or a scope too large.
    /// </summary>
    public static bool TryUpdate(DuckDBConnection connection, string batchId, Action<string, TimeSpan>? built = null)
    {
        if (!MartBuild.AllCurrent(connection) || !DefineScope(connection, batchId))
            return false;
        var step = "the scope";
        try
        {
            SummarySlices.Begin(connection);
            // A fact view changes as soon as a model under it does: its scope's rows are kept before any is replaced.
            foreach (var view in SummarySlices.FactViews)
                SummarySlices.KeepBefore(connection, view, ScopePredicate(connection, view));
            SummarySlices? slices = null;
            var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var source in ScopedSources)
            {
                var scoped = TempName("scoped", source);
                connection.Execute($"create or replace temp table {scoped} as select * from {source} semi join hs_scope_abstracts using (facility_id, abstract_id)");
                renamed[source] = scoped;
            }
            foreach (var model in MartBuild.Models)
            {
                step = model;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                switch (RefreshOf(model))
                {
                    case Refresh.Unchanged:
                        continue;
                    case Refresh.Whole:
                        MartBuild.Build(connection, model);
                        break;
                    case Refresh.Scoped:
                        renamed[model] = ReplaceScopedRows(connection, model, renamed);
                        break;
                    case Refresh.Sliced:
                        slices ??= SummarySlices.Touched(connection);
                        slices.Replace(connection, model);
                        break;
                }
                built?.Invoke(model, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
            return true;
        }
        catch (DuckDBException ex)
        {
            throw new InvalidOperationException($"Updating the models for batch {batchId} failed at {step}: {ex.Message}{MartBuild.MemoryHint(ex)}", ex);
        }
    }

    internal static Refresh RefreshOf(string model) =>
        Refreshes.TryGetValue(model, out var refresh)
            ? refresh
            : throw new InvalidOperationException($"{model} does not say how it follows a batch (IncrementalBuild.Refreshes).");

    // The patients of the batch's keys (in every version, so a patient a resubmission moved away from is
    // recomputed too), and all their abstracts. False when the scope is too large to be worth it.
    private static bool DefineScope(DuckDBConnection connection, string batchId)
    {
        var current = connection.Scalar<long>("select count(*) from marts.fct_abstracts");
        // The first batch of a warehouse is all of it: finding its keys (a distinct over its files) would be wasted.
        if (current == 0)
            return false;
        connection.Execute(
            "create or replace temp table hs_batch_keys as " +
            "select facility_id, abstract_id from core.abstract_versions where batch_id = $1 " +
            "union select facility_id, abstract_id from core.deletions where batch_id = $1", batchId);
        // A batch whose own keys already pass the share (the first batch of a warehouse, a reload) needs
        // no scope to know that a full build is cheaper.
        if (connection.Scalar<long>("select count(*) from hs_batch_keys") > FullBuildShare * current)
            return false;
        connection.Execute(
            "create or replace temp table hs_scope_patients as " +
            "select distinct patient_key from core.abstract_versions semi join hs_batch_keys using (facility_id, abstract_id)");
        connection.Execute(
            "create or replace temp table hs_scope_abstracts as " +
            "select facility_id, abstract_id from core.abstract_versions semi join hs_scope_patients using (patient_key) " +
            "union select facility_id, abstract_id from hs_batch_keys");
        var scope = connection.Scalar<long>("select count(*) from hs_scope_abstracts");
        return scope <= FullBuildShare * current;
    }

    // Computes the model's rows for the scope into a temporary table, from its own SQL with every input
    // that has a scoped form renamed to it, then swaps the model's rows for the scope with them.
    private static string ReplaceScopedRows(DuckDBConnection connection, string model, IReadOnlyDictionary<string, string> renamed)
    {
        var sql = Rename(MartBuild.Sql(model), renamed);
        var delta = TempName("delta", model);
        if (MartBuild.IsEphemeral(model))
        {
            // Published as a view, computed where it is read: the scope's rows are only for the models after it.
            connection.Execute(MartBuild.EphemeralStatement(model, delta, sql));
            return delta;
        }
        if (MartBuild.IsView(model))
        {
            // A view is computed where it is read: its scoped form is a view over the scoped inputs.
            connection.Execute($"create or replace temp view {delta} as\n{sql}");
            SummarySlices.RecordChanged(connection, model, delta);
            return delta;
        }
        connection.Execute($"create or replace temp table {delta} as\n{sql}");
        var scope = ScopePredicate(connection, model);
        SummarySlices.KeepBefore(connection, model, scope);
        connection.Execute($"delete from {model} where {scope}");
        connection.Execute($"insert into {model} by name select * from {delta}");
        SummarySlices.RecordChanged(connection, model, delta);
        return delta;
    }

    // Patient-level rows go by patient; rows of abstracts (or their diagnoses, interventions) by abstract.
    private static string ScopePredicate(DuckDBConnection connection, string model)
    {
        var dot = model.IndexOf('.', StringComparison.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "select column_name from information_schema.columns where table_schema = $1 and table_name = $2";
        command.Parameters.Add(new DuckDBParameter(model[..dot]));
        command.Parameters.Add(new DuckDBParameter(model[(dot + 1)..]));
        var columns = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                columns.Add(reader.GetString(0));
        }
        if (columns.Contains("patient_key"))
            return "patient_key in (select patient_key from hs_scope_patients)";
        if (columns.Contains("facility_id") && columns.Contains("abstract_id"))
            return $"exists (select 1 from hs_scope_abstracts s where s.facility_id = {model}.facility_id and s.abstract_id = {model}.abstract_id)";
        throw new InvalidOperationException($"{model} is scoped but has neither patient_key nor facility_id and abstract_id to replace its rows by.");
    }

    internal static string Rename(string sql, IReadOnlyDictionary<string, string> renamed) =>
        QualifiedName().Replace(sql, m => renamed.TryGetValue(m.Value, out var name) ? name : m.Value);

    private static string TempName(string kind, string model) => $"hs_{kind}__{model.Replace('.', '_')}";

    [GeneratedRegex(@"\b(?:core|seeds|staging|intermediate|marts)\.[a-z_0-9]+\b")]
    private static partial Regex QualifiedName();
}
