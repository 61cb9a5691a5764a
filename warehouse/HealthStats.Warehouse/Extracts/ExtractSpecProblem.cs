namespace HealthStats.Warehouse.Extracts;

/// <summary>One thing wrong with a spec: where in it (a JSON path such as $.tables[1].indicator) and what.</summary>
public sealed record ExtractSpecProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
