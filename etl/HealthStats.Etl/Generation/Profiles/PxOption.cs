namespace HealthStats.Etl.Generation.Profiles;

/// <summary>An intervention done with some probability; CentreOnly ones need the tertiary centre (PCI, thrombectomy).</summary>
internal sealed class PxOption
{
    public PxOption(double probability, PxTiming timing, CodePick codes)
    {
        Probability = probability;
        Timing = timing;
        Codes = codes;
    }

    public double Probability { get; }

    public PxTiming Timing { get; }

    public CodePick Codes { get; }

    public bool CentreOnly { get; init; }

    public char OnlySex { get; init; } = CodePick.Anyone;

    public static PxOption Of(string code, double probability, PxTiming timing) => new(probability, timing, code);

    public static PxOption OneOf(double probability, PxTiming timing, params (string Code, double Weight)[] codes) =>
        new(probability, timing, new CodePick(codes));
}
