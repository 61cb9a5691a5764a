using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.DrillDown;

namespace HealthStats.Dashboard.Interventions;

/// <summary>The interventions page's chart: interventions coded at the level the page's URL has drilled to.</summary>
public sealed class InterventionsChart : DrillDownChart
{
    public const string ChartId = "interventions-chart";

    public override string Id => ChartId;

    protected override CodeHierarchy HierarchyFor(ChartRequest request) => InterventionHierarchy.Classification;
}
