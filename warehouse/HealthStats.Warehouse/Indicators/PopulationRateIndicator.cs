using System.Globalization;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Statistics;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Indicators;

/// <summary>
/// Hospitalisations per 100,000 residents: discharges (marts.sum_discharges_by_age) over the imported
/// populations (reference.populations), crude, age-specific or directly age-standardised, with 95%
/// intervals (exact Poisson for crude and age-specific rates, Fay-Feuer for standardised ones). Age
/// groups are the finest that the populations summed together, and the standard, all share.
/// </summary>
public sealed class PopulationRateIndicator : Indicator
{
    public const string DefaultStandard = "CAN2011";

    public const double Per = 100_000;

    public required PopulationRateKind Kind { get; init; }

    public override bool HasInterval => true;

    // Age-specific rates are always by age group (last, unless placed elsewhere).
    internal override IReadOnlyList<string> Breakdown(IReadOnlyList<string> requested) =>
        Kind == PopulationRateKind.AgeSpecific && !requested.Contains("age_group") ? [.. requested, "age_group"] : requested;

    internal override IReadOnlyList<IndicatorRow> Compute(DuckDBConnection connection, IndicatorRequest request)
    {
        var where = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, value) in request.Where)
        {
            if (!where.TryAdd(id, value))
                throw new IndicatorRequestException($"--where names dimension '{id}' twice");
        }
        var by = request.By;

        var populations = PopulationTable.Load(connection);
        var counts = DischargeCounts.Load(connection, populations.YearKind);
        var standard = Kind == PopulationRateKind.AgeStandardised ? LoadStandard(connection, request.Standard ?? DefaultStandard) : null;
        if (request.Standard is not null && Kind != PopulationRateKind.AgeStandardised)
            throw new IndicatorRequestException($"--standard applies to age-standardised rates, not to '{Id}'");

        var years = populations.Years;
        if (where.TryGetValue("year", out var yearText))
            years = [RequireKnown("year", yearText, years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(), int.Parse)];
        if (where.TryGetValue("region", out var regionFilter))
            RequireKnown("region", regionFilter, populations.Regions, r => r);
        if (where.TryGetValue("sex", out var sexFilter))
            RequireKnown("sex", sexFilter, ["M", "F"], s => s);

        // Not by year, the years are pooled: discharges over person-years, age group by age group.
        IEnumerable<IReadOnlyList<int>> yearSets = by.Contains("year") ? years.Select(y => (IReadOnlyList<int>)[y]) : [years];
        var rows = new List<IndicatorRow>();
        foreach (var yearSet in yearSets)
        {
            IReadOnlyList<string?> regions = regionFilter is not null ? [regionFilter]
                : by.Contains("region") ? yearSet.SelectMany(populations.RegionsOf).Distinct().Order(StringComparer.Ordinal).ToList() : [null];
            IReadOnlyList<string?> sexes = sexFilter is not null ? [sexFilter] : by.Contains("sex") ? ["M", "F"] : [null];
            foreach (var region in regions)
            {
                foreach (var sex in sexes)
                    rows.AddRange(Cell(populations, counts, standard, yearSet, region, sex, by, where));
            }
        }
        return rows;
    }

    private IEnumerable<IndicatorRow> Cell(
        PopulationTable populations, DischargeCounts counts, IReadOnlyList<(AgeBand Band, double Population)>? standard,
        IReadOnlyList<int> years, string? region, string? sex, IReadOnlyList<string> by, Dictionary<string, string> where)
    {
        var yearLabel = years.Count == 1 ? years[0].ToString(CultureInfo.InvariantCulture) : $"{years[0]}-{years[^1]}";
        string Describe() => $"{yearLabel}, region {region ?? "(all)"}, sex {sex ?? "(all)"}";
        // A region imported for some of the years counts in those years only, its residents' discharges as well.
        var perYear = years
            .Where(y => region is null || populations.RegionsOf(y).Contains(region))
            .Select(y => (Year: y, Population: populations.Pieces(y, region, sex, Describe)))
            .ToList();
        if (perYear.Count == 0)
            yield break;
        var pieces = perYear.SelectMany(p => p.Population.Pieces).ToList();
        var groupings = pieces.Select(p => (IReadOnlyList<AgeBand>)p.Select(g => g.Band).ToList()).ToList();
        var populationStart = groupings[0][0].Start;
        var populationTop = groupings[0][^1].End;
        List<(AgeBand Band, double Population)>? standardBands = null;
        if (standard is not null)
        {
            if (!standard.Any(s => s.Band.Start == populationStart))
                throw new IndicatorRequestException($"the populations of {Describe()} start at age {populationStart}, where no age group of the standard population starts");
            standardBands = standard.Where(s => s.Band.Start >= populationStart && (populationTop is null || s.Band.Start <= populationTop)).ToList();
            // The standard's top group is matched to the population's, open or not.
            standardBands[^1] = (standardBands[^1].Band with { End = populationTop }, standardBands[^1].Population);
            groupings.Add(standardBands.Select(s => s.Band).ToList());
        }
        var bands = AgeBand.CommonGroups(groupings, Describe);
        var strata = bands.Select(band =>
        (
            Band: band,
            Count: perYear.Sum(p => counts.Sum(p.Year, p.Population.Residents, sex, band)),
            Population: pieces.SelectMany(p => p).Where(g => band.Contains(g.Band.Start)).Sum(g => g.Population),
            Standard: standardBands?.Where(s => band.Contains(s.Band.Start)).Sum(s => s.Population) ?? 0
        )).ToList();

        if (where.TryGetValue("age_group", out var ageFilter))
        {
            var labels = strata.Select(s => s.Band.Label).ToList();
            strata = [.. strata.Where(s => s.Band.Label == ageFilter)];
            if (strata.Count == 0)
                throw new IndicatorRequestException($"indicator '{Id}' has no age_group '{ageFilter}' for {Describe()}; its age groups there are: {string.Join(", ", labels)}");
        }

        List<KeyValuePair<string, string?>> Dimensions(string? ageGroup) => by.Select(d => new KeyValuePair<string, string?>(d, d switch
        {
            "year" => yearLabel,
            "region" => region,
            "sex" => sex,
            _ => ageGroup,
        })).ToList();

        if (Kind == PopulationRateKind.AgeStandardised)
        {
            var rate = DirectStandardisation.Rate(strata.Select(s => new AgeStratum(s.Count, s.Population, s.Standard)).ToList(), Per);
            yield return new IndicatorRow(Dimensions(null), rate.Value, strata.Sum(s => s.Count), strata.Sum(s => s.Population), rate.Low, rate.High);
        }
        else if (by.Contains("age_group"))
        {
            foreach (var s in strata)
                yield return Crude(Dimensions(s.Band.Label), s.Count, s.Population, Describe);
        }
        else
        {
            yield return Crude(Dimensions(null), strata.Sum(s => s.Count), strata.Sum(s => s.Population), Describe);
        }
    }

    private static IndicatorRow Crude(List<KeyValuePair<string, string?>> dimensions, long count, double population, Func<string> describe)
    {
        if (population <= 0)
        {
            if (count > 0)
                throw new IndicatorRequestException($"{count} discharges but a population of 0 for {describe()}");
            return new IndicatorRow(dimensions, null, 0, 0);
        }
        var rate = PoissonInterval.ForRate(count, population, Per);
        return new IndicatorRow(dimensions, rate.Value, count, population, rate.Low, rate.High);
    }

    private static List<(AgeBand Band, double Population)> LoadStandard(DuckDBConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "select age_start, age_end, population from reference.standard_populations where name = $1 order by age_start";
        command.Parameters.Add(new DuckDBParameter(name));
        using var reader = command.ExecuteReader();
        var groups = new List<(AgeBand, double)>();
        while (reader.Read())
            groups.Add((new AgeBand(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1)), reader.GetDouble(2)));
        if (groups.Count > 0)
            return groups;
        var held = connection.Scalar<string>("select string_agg(distinct name, ', ' order by name) from reference.standard_populations");
        throw new IndicatorRequestException(
            $"standard population '{name}' is not imported (held: {held ?? "none"}). Import it with: healthstats reference import-standard-population FILE " +
            (name == DefaultStandard
                ? "--standard \"2011 Canadian Standard Population (19 age groups)\" --as CAN2011 (the README's \"Standard populations\" says where to find it)"
                : $"[--standard NAME] --as {name}"));
    }

    private T RequireKnown<T>(string dimension, string value, IReadOnlyList<string> known, Func<string, T> parse) =>
        known.Contains(value)
            ? parse(value)
            : throw new IndicatorRequestException(
                $"indicator '{Id}' has no {dimension} '{value}'; its values are: {(known.Count == 0 ? "none" : string.Join(", ", known))}");
}
