namespace HealthStats.Warehouse.Extracts;

/// <summary>A spec file that cannot be used, with every problem found, each naming the file and the JSON path.</summary>
public sealed class ExtractSpecException(string file, IReadOnlyList<ExtractSpecProblem> problems)
    : ArgumentException(string.Join(Environment.NewLine, problems.Select(p => $"{file}: {p}")))
{
    public string File { get; } = file;

    public IReadOnlyList<ExtractSpecProblem> Problems { get; } = problems;
}
