namespace HealthStats.Etl.Generation.Profiles;

internal static class MentalHealthProfiles
{
    private static readonly DxOption[] SubstanceUse =
    [
        DxOption.Of("F12.20", '3', 0.12),
        DxOption.OneOf('3', 0.10, ("F10.20", 80), ("F14.20", 20)),
    ];

    public static readonly ClinicalProfile Schizophrenia = new()
    {
        Name = "schizophrenia",
        Weight = 2.0,
        Age = new AgeModel(38, 13, 18, 85),
        FemaleShare = 0.35,
        Stay = new StayModel(14, 0.8, 1, 180),
        Variants =
        [
            new() { Code = "F20.9", Weight = 50, Substitutes = ["F25.9", "F29"] },
            new() { Code = "F20.0", Weight = 50, Substitutes = ["F25.0", "F29"] },
        ],
        Secondary = [.. SubstanceUse, DxOption.Of("R45.851", '1', 0.05)],
        Dispositions = Dispositions.MentalHealth,
        DeathRate = 0.002,
        ReadmitRate = 0.20,
    };

    public static readonly ClinicalProfile Depression = new()
    {
        Name = "depression",
        Weight = 2.5,
        Season = Seasons.MildWinter,
        Age = new AgeModel(45, 16, 18, 95),
        FemaleShare = 0.62,
        Stay = new StayModel(12, 0.8, 1, 120),
        Variants =
        [
            new() { Code = "F32.2", Weight = 35, Substitutes = ["F33.2", "F31.4"] },
            new()
            {
                Code = "F33.2",
                Weight = 40,
                Substitutes = ["F32.2", "F31.4"],
                Procedures = [PxOption.Of("GZB4ZZZ", 0.05, PxTiming.AnyDay)],
            },
            new() { Code = "F33.1", Weight = 15, Substitutes = ["F33.9"] },
            new()
            {
                Code = "F32.3",
                Weight = 10,
                Substitutes = ["F33.3"],
                Procedures = [PxOption.Of("GZB4ZZZ", 0.12, PxTiming.AnyDay)],
            },
        ],
        Secondary =
        [
            DxOption.Of("R45.851", '1', 0.3),
            DxOption.Of("F41.1", '3', 0.2),
            DxOption.Of("F10.20", '3', 0.08),
            DxOption.Of("F60.3", '3', 0.05),
        ],
        Dispositions = Dispositions.MentalHealth,
        DeathRate = 0.001,
        ReadmitRate = 0.12,
    };

    public static readonly ClinicalProfile Bipolar = new()
    {
        Name = "bipolar",
        Weight = 1.5,
        Age = new AgeModel(40, 14, 18, 85),
        FemaleShare = 0.55,
        Stay = new StayModel(14, 0.8, 1, 150),
        Variants =
        [
            new() { Code = "F31.2", Weight = 30, Substitutes = ["F25.0", "F31.13"] },
            new() { Code = "F31.13", Weight = 25, Substitutes = ["F31.2"] },
            new() { Code = "F31.4", Weight = 30, Substitutes = ["F33.2"] },
            new() { Code = "F31.81", Weight = 15, Substitutes = ["F31.9"] },
        ],
        Secondary = [.. SubstanceUse, DxOption.Of("F41.1", '3', 0.1)],
        Dispositions = Dispositions.MentalHealth,
        DeathRate = 0.001,
        ReadmitRate = 0.18,
    };
}
