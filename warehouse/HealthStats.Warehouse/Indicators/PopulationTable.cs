using DuckDB.NET.Data;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Indicators;

/// <summary>
/// The imported populations of one year kind (fiscal where any fiscal ones are imported, since the
/// warehouse counts in fiscal years, else calendar), and which of them make a rate's denominator.
/// </summary>
internal sealed class PopulationTable
{
    public const string AllRegions = "ALL";

    private readonly List<PopulationGroup> groups;

    private PopulationTable(YearKind yearKind, List<PopulationGroup> groups)
    {
        YearKind = yearKind;
        this.groups = groups;
        Years = groups.Select(g => g.Year).Distinct().Order().ToList();
        Regions = groups.Select(g => g.Region).Where(r => r != AllRegions).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public YearKind YearKind { get; }

    public IReadOnlyList<int> Years { get; }

    /// <summary>The regions with populations, ALL (the whole jurisdiction) aside.</summary>
    public IReadOnlyList<string> Regions { get; }

    public static PopulationTable Load(DuckDBConnection connection)
    {
        var kinds = connection.Scalar<string>("select string_agg(distinct year_kind, ',') from reference.populations")
            ?? throw new IndicatorRequestException(
                "no populations are imported: import them with healthstats reference import-population FILE --year-kind calendar|fiscal");
        var kind = kinds.Contains("fiscal", StringComparison.Ordinal) ? YearKind.Fiscal : YearKind.Calendar;
        using var command = connection.CreateCommand();
        command.CommandText = "select year, region, sex, age_start, age_end, population from reference.populations where year_kind = $1 order by year, region, sex, age_start";
        command.Parameters.Add(new DuckDBParameter(PopulationStore.Name(kind)));
        using var reader = command.ExecuteReader();
        var groups = new List<PopulationGroup>();
        while (reader.Read())
        {
            groups.Add(new PopulationGroup(reader.GetInt32(0), reader.GetString(1), reader.GetString(2),
                new AgeBand(reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4)), reader.GetInt64(5)));
        }
        return new PopulationTable(kind, groups);
    }

    public IReadOnlyList<string?> RegionsOf(int year) =>
        groups.Where(g => g.Year == year && g.Region != AllRegions).Select(g => g.Region).Distinct().Order(StringComparer.Ordinal).ToList<string?>();

    /// <summary>
    /// The population of a year, a region (null: the whole jurisdiction) and a sex (null: both), as one age
    /// grouping per imported (region, sex), and which residence regions' discharges count against it.
    /// </summary>
    public (List<List<PopulationGroup>> Pieces, Func<string?, bool> Residents) Pieces(int year, string? region, string? sex, Func<string> describe)
    {
        var ofYear = groups.Where(g => g.Year == year).ToList();
        List<PopulationGroup> ofRegions;
        Func<string?, bool> residents;
        if (region is not null)
        {
            ofRegions = ofYear.Where(g => g.Region == region).ToList();
            residents = r => r == region;
        }
        else if (ofYear.Any(g => g.Region == AllRegions))
        {
            ofRegions = ofYear.Where(g => g.Region == AllRegions).ToList();
            residents = r => r is not null;
        }
        else
        {
            ofRegions = ofYear;
            var regions = ofYear.Select(g => g.Region).ToHashSet(StringComparer.Ordinal);
            residents = r => r is not null && regions.Contains(r);
        }

        var pieces = new List<List<PopulationGroup>>();
        foreach (var ofRegion in ofRegions.GroupBy(g => g.Region))
        {
            var bySex = ofRegion.GroupBy(g => g.Sex).ToDictionary(g => g.Key, g => g.OrderBy(x => x.Band.Start).ToList());
            if (sex is not null)
            {
                pieces.Add(bySex.GetValueOrDefault(sex) ?? throw new IndicatorRequestException(
                    $"no population of sex {sex} is imported for {year}, region {ofRegion.Key} ({describe()}): rates by sex need M and F populations"));
            }
            else if (bySex.TryGetValue("T", out var total))
            {
                pieces.Add(total);
            }
            else if (bySex.TryGetValue("M", out var male) && bySex.TryGetValue("F", out var female))
            {
                pieces.Add(male);
                pieces.Add(female);
            }
            else
            {
                throw new IndicatorRequestException($"the population of {year}, region {ofRegion.Key} has neither T rows nor both M and F rows");
            }
        }
        if (pieces.Count == 0)
            throw new IndicatorRequestException($"no population is imported for {describe()}");
        return (pieces, residents);
    }
}
