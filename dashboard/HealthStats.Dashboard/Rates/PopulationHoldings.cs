using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Rates;

/// <summary>
/// The populations and standard populations the warehouse holds, which the rates need and which the
/// demo does not bring. Rates use the fiscal-year populations where any are imported, else the calendar ones.
/// </summary>
public sealed record PopulationHoldings(IReadOnlyList<PopulationSummary> Populations, IReadOnlyList<StandardPopulationInfo> Standards)
{
    public bool HasPopulations => Populations.Count > 0;

    public YearKind YearKind => Populations.Any(p => p.YearKind == YearKind.Fiscal) ? YearKind.Fiscal : YearKind.Calendar;

    /// <summary>The populations the rates use: those of the year kind above.</summary>
    public IReadOnlyList<PopulationSummary> Used => Populations.Where(p => p.YearKind == YearKind).ToList();

    public IReadOnlyList<int> Years => Used.Select(p => p.Year).Distinct().Order().ToList();

    public IReadOnlyList<string> Regions => Used.Select(p => p.Region).Distinct().Order(StringComparer.Ordinal).ToList();

    public bool HasStandard(string name) => Standards.Any(s => s.Name == name);

    public static PopulationHoldings Load(WarehouseDatabase database) =>
        new(new PopulationStore(database).List(), new StandardPopulationStore(database).List());
}
