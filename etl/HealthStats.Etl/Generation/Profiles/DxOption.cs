namespace HealthStats.Etl.Generation.Profiles;

/// <summary>
/// A secondary diagnosis coded with some probability, with its diagnosis type, the patients it may apply
/// to, and the interventions that come with it (a transfusion with acute blood-loss anaemia).
/// </summary>
internal sealed class DxOption
{
    public DxOption(double probability, char type, CodePick codes)
    {
        Probability = probability;
        Type = type;
        Codes = codes;
    }

    public double Probability { get; }

    public char Type { get; }

    public CodePick Codes { get; }

    public char OnlySex { get; init; } = CodePick.Anyone;

    public int MinAge { get; init; }

    public int MaxAge { get; init; } = 124;

    public PxOption[] Linked { get; init; } = [];

    public static DxOption Of(string code, char type, double probability) => new(probability, type, code);

    public static DxOption OneOf(char type, double probability, params (string Code, double Weight)[] codes) =>
        new(probability, type, new CodePick(codes));
}
