using HealthStats.Dashboard.Figures;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Dashboard.Facilities;

/// <summary>One indicator of the facilities table: its value per facility and over all of them, and the filters it could not apply.</summary>
public sealed record FacilityColumn(Indicator Indicator, IReadOnlyDictionary<string, double?> ByFacility, double? AllFacilities, IReadOnlyList<string> NotApplied)
{
    public double? Of(string facility) => ByFacility.GetValueOrDefault(facility);

    public string Format(double? value) => FigureFormat.Of(Indicator, value);
}
