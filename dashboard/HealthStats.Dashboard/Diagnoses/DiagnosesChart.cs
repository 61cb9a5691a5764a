using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.DrillDown;

namespace HealthStats.Dashboard.Diagnoses;

/// <summary>The diagnoses page's chart: MRDx discharges at the level the page's URL has drilled to.</summary>
public sealed class DiagnosesChart : DrillDownChart
{
    public const string ChartId = "diagnoses-chart";

    public override string Id => ChartId;

    protected override CodeHierarchy HierarchyFor(ChartRequest request) => DiagnosisHierarchies.For(request.Parameter("view"));
}
