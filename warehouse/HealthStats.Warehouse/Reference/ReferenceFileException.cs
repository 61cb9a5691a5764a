namespace HealthStats.Warehouse.Reference;

/// <summary>A reference file (populations, standard populations, code lists) that cannot be read, with the place of the problem.</summary>
public sealed class ReferenceFileException : FormatException
{
    public ReferenceFileException(string file, int line, string? field, string problem)
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
