using HealthStats.Dashboard.DrillDown;

namespace HealthStats.Dashboard.Interventions;

/// <summary>
/// How the interventions page walks the intervention codes: chapter (the ICD-10-PCS or CCI section), block
/// (the PCS body system), then codes.
/// </summary>
public static class InterventionHierarchy
{
    public static readonly CodeHierarchy Classification = new("interventions", "interventions", "Interventions coded",
    [
        new CodeLevel("chapter", "section", "sections"),
        new CodeLevel("block", "body system", "body systems"),
        new CodeLevel("code", "code", "codes"),
    ]);
}
