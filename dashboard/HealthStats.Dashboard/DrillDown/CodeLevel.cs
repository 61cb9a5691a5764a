namespace HealthStats.Dashboard.DrillDown;

/// <summary>
/// One level of a classification that a page drills through: its indicator dimension, which is also its
/// key in the URL (?chapter=IX), what people call it, and how a code of it is written for them.
/// </summary>
public sealed record CodeLevel(string Dimension, string Name, string Plural, Func<string, string>? Display = null)
{
    public string Show(string code) => Display is null ? code : Display(code);
}
