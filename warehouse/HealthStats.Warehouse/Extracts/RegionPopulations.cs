using System.Globalization;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// The residents of each region for the policy's minimum region population: the smallest of its
/// populations over the extract's years (every year held where it names none), so that a region too
/// small in any year the extract covers is not reported. Fiscal populations where any are imported.
/// </summary>
internal static class RegionPopulations
{
    public static IReadOnlyDictionary<string, long> Load(DuckDB.NET.Data.DuckDBConnection connection, IReadOnlyList<string> fiscalYears)
    {
        var kind = connection.Scalar<bool>("select exists (select 1 from reference.populations where year_kind = 'fiscal')") ? "fiscal" : "calendar";
        var years = fiscalYears.Select(y => int.Parse(y, CultureInfo.InvariantCulture)).ToList();
        using var command = connection.CreateCommand();
        command.CommandText =
            "with totals as (\n" +
            "    select year, region, coalesce(sum(population) filter (where sex = 'T'), sum(population) filter (where sex in ('M', 'F'))) as residents\n" +
            "    from reference.populations where year_kind = $1 group by year, region\n" +
            ")\n" +
            $"select region, min(residents)::bigint from totals {(years.Count > 0 ? $"where year in ({string.Join(", ", years)})" : "")} group by region order by region";
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(kind));
        using var reader = command.ExecuteReader();
        var populations = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (!reader.IsDBNull(1))
                populations[reader.GetString(0)] = reader.GetInt64(1);
        }
        if (populations.Count == 0)
            throw new InvalidOperationException(
                "the suppression policy has a minimum region population, but no populations are imported for the extract's years: import them with healthstats reference import-population");
        return populations;
    }
}
