using DuckDB.NET.Data;
using HealthStats.Warehouse.Reference;

namespace HealthStats.Warehouse.Indicators;

/// <summary>Discharges by year (of the populations' kind), residence region, sex and single year of age, from marts.sum_discharges_by_age.</summary>
internal sealed class DischargeCounts
{
    private const int OldestAge = 120;

    private readonly List<(int Year, string? Region, string Sex, long[] ByAge)> cells = [];

    public static DischargeCounts Load(DuckDBConnection connection, YearKind yearKind)
    {
        var year = yearKind == YearKind.Fiscal ? "fiscal_year" : "calendar_year";
        using var command = connection.CreateCommand();
        command.CommandText =
            $"select {year}, residence_region, sex, least(greatest(age_years, 0), {OldestAge}), sum(discharges)::bigint " +
            "from marts.sum_discharges_by_age group by all order by all";
        using var reader = command.ExecuteReader();
        var counts = new DischargeCounts();
        var index = new Dictionary<(int, string?, string), long[]>();
        while (reader.Read())
        {
            var key = (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2));
            if (!index.TryGetValue(key, out var byAge))
            {
                byAge = new long[OldestAge + 1];
                index[key] = byAge;
                counts.cells.Add((key.Item1, key.Item2, key.Item3, byAge));
            }
            byAge[reader.GetInt32(3)] += reader.GetInt64(4);
        }
        return counts;
    }

    /// <summary>The discharges of a year, of the residents a predicate accepts, of a sex (null: any), aged within the band.</summary>
    public long Sum(int year, Func<string?, bool> residents, string? sex, AgeBand band)
    {
        long sum = 0;
        var last = Math.Min(band.End ?? OldestAge, OldestAge);
        foreach (var (cellYear, region, cellSex, byAge) in cells)
        {
            if (cellYear != year || (sex is not null && cellSex != sex) || !residents(region))
                continue;
            for (var age = band.Start; age <= last; age++)
                sum += byAge[age];
        }
        return sum;
    }
}
