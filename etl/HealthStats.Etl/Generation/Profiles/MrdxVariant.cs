namespace HealthStats.Etl.Generation.Profiles;

/// <summary>
/// One most responsible diagnosis of a profile with what goes with it: side-specific interventions,
/// the external cause of an injury, the weeks of gestation. Substitutes are valid neighbouring codes of
/// a different condition, used to inject code_substitution errors.
/// </summary>
internal sealed class MrdxVariant
{
    public required string Code { get; init; }

    public double Weight { get; init; } = 1;

    public char AdmitCategory { get; init; } = 'U';

    public int MinAge { get; init; }

    public int MaxAge { get; init; } = 124;

    public DxOption[] Secondary { get; init; } = [];

    public PxOption[] Procedures { get; init; } = [];

    public ChronicCondition Implies { get; init; }

    public required string[] Substitutes { get; init; }
}
