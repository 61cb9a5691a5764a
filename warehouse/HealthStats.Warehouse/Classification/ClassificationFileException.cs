namespace HealthStats.Warehouse.Classification;

/// <summary>A classification file that cannot be read, with the place of the problem.</summary>
public sealed class ClassificationFileException : FormatException
{
    public ClassificationFileException(string file, int line, string? field, string problem)
        : base(field is null ? $"{file}, line {line}: {problem}" : $"{file}, line {line}, field {field}: {problem}")
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    public string File { get; }

    public int Line { get; }

    public string? Field { get; }

    public string Problem { get; }
}
