using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Reference;

/// <summary>Population denominators in reference.populations.</summary>
public sealed class PopulationStore(WarehouseDatabase database)
{
    /// <summary>
    /// Stores the rows as populations of the year kind, in one transaction: each (year kind, year, region) in the rows
    /// replaces what was held for it; with <paramref name="replaceAll"/>, every population of that year kind goes first.
    /// Returns the (year, region) pairs that replaced earlier ones, and the rows stored.
    /// </summary>
    public (IReadOnlyList<(int Year, string Region)> Replaced, int Rows) Import(YearKind yearKind, IReadOnlyList<PopulationRow> rows, string source, bool replaceAll)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(source);
        var kind = Name(yearKind);
        var keys = rows.Select(r => (r.Year, r.Region)).Distinct().ToList();
        using var connection = database.OpenConnection();
        var held = new HashSet<(int, string)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "select distinct year, region from reference.populations where year_kind = $1";
            command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(kind));
            using var reader = command.ExecuteReader();
            while (reader.Read())
                held.Add((reader.GetInt32(0), reader.GetString(1)));
        }
        var replaced = keys.Where(held.Contains).OrderBy(k => k.Year).ThenBy(k => k.Region, StringComparer.Ordinal).ToList();

        var importedAt = DateTime.UtcNow;
        using var transaction = connection.BeginTransaction();
        if (replaceAll)
            connection.Execute("delete from reference.populations where year_kind = $1", kind);
        else
        {
            foreach (var (year, region) in replaced)
                connection.Execute("delete from reference.populations where year_kind = $1 and year = $2 and region = $3", kind, year, region);
        }
        using (var appender = connection.CreateAppender("reference", "populations"))
        {
            foreach (var row in rows)
            {
                appender.CreateRow()
                    .AppendValue(row.Year)
                    .AppendValue(kind)
                    .AppendValue(row.Region)
                    .AppendValue(row.Sex)
                    .AppendValue(row.AgeStart)
                    .AppendValue(row.AgeEnd)
                    .AppendValue(row.Population)
                    .AppendValue(source)
                    .AppendValue(importedAt)
                    .EndRow();
            }
        }
        transaction.Commit();
        return (replaced, rows.Count);
    }

    public IReadOnlyList<PopulationSummary> List()
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            select
                year_kind, year, region,
                string_agg(distinct sex, '' order by sex) as sexes,
                count(distinct age_start) as age_groups,
                cast(case when bool_or(sex = 'T') then sum(population) filter (where sex = 'T') else sum(population) end as bigint) as total,
                string_agg(distinct source, ', ') as source,
                max(imported_at) as imported_at
            from reference.populations
            group by year_kind, year, region
            order by year_kind, year, region
            """;
        using var reader = command.ExecuteReader();
        var result = new List<PopulationSummary>();
        while (reader.Read())
        {
            result.Add(new PopulationSummary(
                reader.GetString(0) == "fiscal" ? YearKind.Fiscal : YearKind.Calendar,
                reader.GetInt32(1),
                reader.GetString(2),
                reader.GetString(3),
                (int)reader.GetInt64(4),
                reader.GetInt64(5),
                reader.GetString(6),
                DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc)));
        }
        return result;
    }

    /// <summary>The name stored in reference.populations.year_kind and used on the command line.</summary>
    public static string Name(YearKind kind) => kind == YearKind.Fiscal ? "fiscal" : "calendar";
}
