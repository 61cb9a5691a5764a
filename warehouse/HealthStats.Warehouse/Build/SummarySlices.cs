using System.Globalization;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// The time slices of the summaries that a small batch changes. Each summary here has a discharge month or a
/// fiscal year in its grain and reads facts whose rows carry them. The slices touched are those of the fact
/// rows the batch changed: rows of its scope (IncrementalBuild) before the batch that are not there after
/// it, and the other way round. A scope holds every stay of the batch's patients, years of them, but most
/// come out of the update as they went in; only the touched slices are recomputed, from the summary's own
/// SQL filtered to them, and replace the summary's rows for them. Rebuilt whole, each summary aggregates
/// every abstract of the warehouse.
/// </summary>
internal sealed class SummarySlices
{
    /// <summary>The summaries updated by slice, and the column of their grain that slices them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Columns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["marts.sum_discharges_monthly"] = "discharge_month",
        ["marts.sum_discharges_by_age"] = "fiscal_year",
        ["marts.sum_stays_by_los"] = "discharge_month",
        ["marts.sum_coding_turnaround"] = "discharge_month",
        ["marts.sum_charlson_monthly"] = "discharge_month",
        ["marts.sum_diagnoses_monthly"] = "discharge_month",
        ["marts.sum_interventions_yearly"] = "fiscal_year",
        ["marts.sum_mrdx_discharges_monthly"] = "discharge_month",
        ["marts.sum_interventions_by_patient_group_yearly"] = "fiscal_year",
        ["marts.sum_readmissions_monthly"] = "discharge_month",
        ["marts.sum_coding_quality_monthly"] = "discharge_month",
    };

    // Whether an index episode's 30-day follow-up is complete depends on the newest discharge in the
    // warehouse: when a batch moves it, every month of the readmissions summary can change.
    private const string Readmissions = "marts.sum_readmissions_monthly";

    // The facts the summaries read, and how each gives a row's discharge month (interventions: only a fiscal year).
    private static readonly IReadOnlyDictionary<string, string> Facts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["marts.fct_abstracts"] = "discharge_month",
        ["marts.fct_diagnoses"] = "date_trunc('month', discharge_date)::date",
        ["marts.fct_interventions"] = "null::date",
        ["marts.fct_readmissions"] = "discharge_month",
    };

    /// <summary>The facts that are views (MartBuild.MartViews), whose rows before the update are kept before any model changes.</summary>
    public static IEnumerable<string> FactViews => Facts.Keys.Where(MartBuild.MartViews.Contains);

    private readonly List<string> months;
    private readonly List<string> years;
    private readonly bool sliceUnknown;

    private SummarySlices(List<string> months, List<string> years, bool sliceUnknown) =>
        (this.months, this.years, this.sliceUnknown) = (months, years, sliceUnknown);

    /// <summary>Before any model changes: an empty record of touched slices, and the newest discharge.</summary>
    public static void Begin(DuckDBConnection connection)
    {
        connection.Execute("create or replace temp table hs_touched_slices (discharge_month date, fiscal_year integer)");
        connection.Execute("create or replace temp table hs_coverage_before as select newest_discharge_date from marts.dim_data_coverage");
    }

    /// <summary>Keeps the scope's rows of a fact the summaries read, before they are replaced.</summary>
    public static void KeepBefore(DuckDBConnection connection, string model, string scope)
    {
        if (Facts.ContainsKey(model))
            connection.Execute($"create or replace temp table {Before(model)} as select * from {model} where {scope}");
    }

    /// <summary>Records the slices of the fact's rows that the update changed: in before and not in after, or the other way.</summary>
    public static void RecordChanged(DuckDBConnection connection, string model, string after)
    {
        if (!Facts.TryGetValue(model, out var month))
            return;
        var before = Before(model);
        connection.Execute(
            $"insert into hs_touched_slices select distinct {month}, fiscal_year from (" +
            $"(select * from {before} except all select * from {after}) union all (select * from {after} except all select * from {before}))");
    }

    /// <summary>The slices recorded.</summary>
    public static SummarySlices Touched(DuckDBConnection connection)
    {
        var months = new List<string>();
        var years = new List<string>();
        var unknown = false;
        using var command = connection.CreateCommand();
        command.CommandText = "select distinct strftime(discharge_month, '%Y-%m-%d'), fiscal_year from hs_touched_slices";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (reader.IsDBNull(1))
            {
                unknown = true;
                continue;
            }
            if (!reader.IsDBNull(0))
                months.Add($"date '{reader.GetString(0)}'");
            years.Add(reader.GetInt32(1).ToString(CultureInfo.InvariantCulture));
        }
        return new SummarySlices(months.Distinct().ToList(), years.Distinct().ToList(), unknown);
    }

    /// <summary>Replaces the summary's rows for the touched slices (or rebuilds it whole when a slice is unknown).</summary>
    public void Replace(DuckDBConnection connection, string model)
    {
        if (sliceUnknown || (model == Readmissions && NewestDischargeMoved(connection)))
        {
            MartBuild.Build(connection, model);
            return;
        }
        var column = Columns[model];
        var values = column == "fiscal_year" ? years : months;
        if (values.Count == 0)
            return;
        // Literal values, not a subquery: DuckDB pushes a constant filter on a grouping column below the
        // aggregate, down to the scan, so only the slices' rows are aggregated.
        var slices = $"{column} in ({string.Join(", ", values)})";
        connection.Execute($"delete from {model} where {slices}");
        connection.Execute($"insert into {model} by name select * from (\n{MartBuild.Sql(model)}\n) where {slices}");
    }

    private static string Before(string model) => $"hs_before__{model.Replace('.', '_')}";

    private static bool NewestDischargeMoved(DuckDBConnection connection) =>
        connection.Scalar<long>(
            "select count(*) from marts.dim_data_coverage c, hs_coverage_before b " +
            "where c.newest_discharge_date is distinct from b.newest_discharge_date") > 0;
}
