using System.Globalization;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Indicators;

/// <summary>
/// An indicator computed by aggregating source rows (an embedded sql/indicators/SOURCE.sql file over the
/// marts, whose columns include one per dimension, named by its id) with SQL aggregate expressions:
/// the value, and the numerator and denominator of a ratio.
/// </summary>
public sealed class AggregateIndicator : Indicator
{
    /// <summary>The source's file name under sql/indicators, without .sql.</summary>
    public required string Source { get; init; }

    /// <summary>The value's SQL aggregate, e.g. sum(discharges).</summary>
    public required string ValueSql { get; init; }

    public string? NumeratorSql { get; init; }

    public string? DenominatorSql { get; init; }

    /// <summary>
    /// A distribution over this dimension: the value is ValueSql as a percent of its total over the
    /// dimension's values (within each combination of the other --by dimensions), which are numerator and denominator.
    /// </summary>
    public string? ShareOf { get; init; }

    /// <summary>
    /// A quantile from a histogram source: the value is the quantile of this column over the source's
    /// rows, each counted as many times as its QuantileWeight column says (ValueSql then only says what
    /// it equals over the rows themselves). See QuantileRank for which quantile.
    /// </summary>
    public string? QuantileOf { get; init; }

    public string? QuantileWeight { get; init; }

    /// <summary>
    /// Null for the median as SQL's median gives it (with an even count, the mean of the middle two); a
    /// fraction p for the nearest-rank quantile, as SQL's quantile_disc gives it (the value at rank ⌈p·n⌉).
    /// </summary>
    public double? QuantileRank { get; init; }

    /// <summary>A condition on the source rows that the indicator's definition always applies (its inclusions).</summary>
    public string? RestrictionSql { get; init; }

    internal string SourceSql => EmbeddedSql.Read($"sql/indicators/{Source}.sql");

    internal override IReadOnlyList<IndicatorRow> Compute(DuckDBConnection connection, IndicatorRequest request)
    {
        var by = request.By.Select(DimensionNamed).Select(d => d.Id).ToList();
        var conditions = new List<string>();
        if (RestrictionSql is not null)
            conditions.Add($"({RestrictionSql})");
        var parameters = new List<object>();
        foreach (var filter in request.Where.GroupBy(w => w.Key, w => w.Value))
        {
            DimensionNamed(filter.Key);
            var placeholders = new List<string>();
            foreach (var value in filter.Distinct())
            {
                if (request.RequireKnownValues)
                    RequireValue(connection, filter.Key, value);
                parameters.Add(value);
                placeholders.Add($"${parameters.Count}");
            }
            conditions.Add($"cast(\"{filter.Key}\" as varchar) in ({string.Join(", ", placeholders)})");
        }
        var columns = by.Select(d => $"\"{d}\"").ToList();
        var titles = request.By.Select(DimensionNamed).Where(d => d.HasTitle).Select(d => $"max(\"{d.TitleColumn}\") as \"{d.TitleColumn}\"");
        var select = new List<string>(columns.Concat(titles));
        if (ShareOf is not null)
        {
            var others = string.Join(", ", columns.Where(c => c != $"\"{ShareOf}\""));
            var total = $"sum({ValueSql}) over ({(others.Length == 0 ? "" : "partition by " + others)})";
            select.Add($"(100.0 * ({ValueSql}) / nullif({total}, 0))::double as value");
            select.Add($"({ValueSql})::double as numerator");
            select.Add($"({total})::double as denominator");
        }
        else
        {
            select.Add($"({ValueSql})::double as value");
            if (NumeratorSql is not null)
                select.Add($"({NumeratorSql})::double as numerator");
            if (DenominatorSql is not null)
                select.Add($"({DenominatorSql})::double as denominator");
        }
        var where = conditions.Count > 0 ? $"where {string.Join(" and ", conditions)}\n" : "";
        var sql = QuantileOf is not null ? WeightedQuantileSql(columns, titles.ToList(), where) :
            $"with source as (\n{SourceSql}\n)\n" +
            $"select {string.Join(", ", select)}\nfrom source\n" +
            where +
            (columns.Count > 0 ? $"group by {string.Join(", ", columns)}\norder by {string.Join(", ", columns)}" : "");

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
            command.Parameters.Add(new DuckDBParameter(p));
        using var reader = command.ExecuteReader();
        var rows = new List<IndicatorRow>();
        while (reader.Read())
        {
            var dimensions = request.By.Select(DimensionNamed)
                .SelectMany(d => d.HasTitle ? new[] { d.Id, d.TitleColumn } : [d.Id])
                .Select(c => new KeyValuePair<string, string?>(c, Text(reader, reader.GetOrdinal(c))))
                .ToList();
            rows.Add(new IndicatorRow(
                dimensions,
                Number(reader, "value"),
                NumeratorSql is null && ShareOf is null ? null : Number(reader, "numerator"),
                DenominatorSql is null && ShareOf is null ? null : Number(reader, "denominator")));
        }
        return rows;
    }

    // Counts each value's rows per group, then finds the value at a rank as the first whose running
    // count reaches it: for the median the middle ranks (0-based (n-1)/2 and n/2), for a nearest-rank
    // quantile the rank ⌈p·n⌉ (1-based).
    private string WeightedQuantileSql(IReadOnlyList<string> columns, IReadOnlyList<string> titles, string where)
    {
        var group = string.Join(", ", columns);
        var partition = columns.Count > 0 ? $"partition by {group} " : "";
        var keep = string.Join("", columns.Concat(titles).Select(c => c + ", "));
        var keptTitles = string.Join("", titles.Select(t => t[(t.LastIndexOf(" as ", StringComparison.Ordinal) + 4)..]).Select(t => $"max({t}) as {t}, "));
        var value = QuantileRank is { } p
            ? $"min(quantile_value) filter (where running >= ceil(total * {p.ToString("R", CultureInfo.InvariantCulture)}::double))"
            : "(min(quantile_value) filter (where running > (total - 1) // 2) + min(quantile_value) filter (where running > total // 2)) / 2.0";
        return
            $"with source as (\n{SourceSql}\n),\n" +
            $"counted as (\n    select {keep}{QuantileOf} as quantile_value, sum({QuantileWeight}) as weight\n    from source\n    {where}    group by {(columns.Count > 0 ? group + ", " : "")}quantile_value\n),\n" +
            $"ranked as (\n    select *, sum(weight) over ({partition}order by quantile_value rows between unbounded preceding and current row) as running,\n" +
            $"           sum(weight) over ({(columns.Count > 0 ? "partition by " + group : "")}) as total\n    from counted\n)\n" +
            $"select {string.Join("", columns.Select(c => c + ", "))}{keptTitles}({value})::double as value\n" +
            "from ranked\n" +
            (columns.Count > 0 ? $"group by {group}\norder by {group}" : "");
    }

    // A filter on a value the source never has would give an empty answer that looks like a zero: name it instead.
    private void RequireValue(DuckDBConnection connection, string dimension, string value)
    {
        var exists = connection.Scalar<bool>(
            $"with source as (\n{SourceSql}\n) select exists (select 1 from source where cast(\"{dimension}\" as varchar) = $1)", value);
        if (exists)
            return;
        var known = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"with source as (\n{SourceSql}\n) select distinct \"{dimension}\" from source order by 1 limit 41";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                known.Add(reader.IsDBNull(0) ? "(null)" : reader.GetValue(0).ToString()!);
        }
        var list = known.Count == 0 ? "none: the warehouse holds no rows for it"
            : string.Join(", ", known.Take(40)) + (known.Count > 40 ? ", ..." : "");
        throw new IndicatorRequestException($"indicator '{Id}' has no {dimension} '{value}'; its values are: {list}");
    }

    private static string? Text(DuckDBDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static double? Number(DuckDBDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
    }
}
