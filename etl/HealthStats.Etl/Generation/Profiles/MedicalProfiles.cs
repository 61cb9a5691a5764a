namespace HealthStats.Etl.Generation.Profiles;

internal static class MedicalProfiles
{
    /// <summary>Primary sites for palliative stays; the patient keeps the site for later stays.</summary>
    public static readonly CodePick PalliativeCancers = new(
        ("C34.90", 18, CodePick.Anyone),
        ("C34.11", 7, CodePick.Anyone),
        ("C34.12", 5, CodePick.Anyone),
        ("C18.9", 12, CodePick.Anyone),
        ("C25.9", 10, CodePick.Anyone),
        ("C16.9", 4, CodePick.Anyone),
        ("C22.0", 4, CodePick.Anyone),
        ("C67.9", 4, CodePick.Anyone),
        ("C64.1", 3, CodePick.Anyone),
        ("C71.9", 3, CodePick.Anyone),
        ("C90.00", 3, CodePick.Anyone),
        ("C92.00", 3, CodePick.Anyone),
        ("C85.90", 4, CodePick.Anyone),
        ("C80.1", 4, CodePick.Anyone),
        ("C50.911", 7, 'F'),
        ("C50.912", 7, 'F'),
        ("C56.9", 6, 'F'),
        ("C61", 14, 'M'));

    public static readonly ClinicalProfile Palliative = new()
    {
        Name = "palliative",
        Weight = 3.0,
        Age = new AgeModel(74, 11, 30, 104),
        FemaleShare = 0.48,
        Stay = new StayModel(9, 0.8, 1, 90),
        Variants = [new() { Code = "Z51.5", Weight = 1, Substitutes = ["Z51.11", "Z51.0"] }],
        PrimaryCancer = PalliativeCancers,
        Secondary =
        [
            DxOption.OneOf('1', 0.5, ("C78.7", 35), ("C79.51", 30), ("C78.00", 20), ("C79.31", 15)),
            DxOption.Of("G89.3", '1', 0.25),
            DxOption.Of("Z66", '3', 0.4),
            DxOption.Of("R18.8", '1', 0.05),
            DxOption.Of("E86.0", '1', 0.1),
            new DxOption(0.1, '2', "F05") { MinAge = 50 },
        ],
        Dispositions = Dispositions.Palliative,
        DeathRate = 0.55,
        ReadmitRate = 0.10,
        AlcRate = 0.05,
    };

    public static readonly ClinicalProfile Diabetes = new()
    {
        Name = "diabetes",
        Weight = 2.0,
        Age = new AgeModel(58, 18, 15, 95),
        FemaleShare = 0.45,
        Stay = new StayModel(4, 0.6, 1, 40),
        Variants =
        [
            new()
            {
                Code = "E11.65",
                Weight = 28,
                MinAge = 25,
                Implies = ChronicCondition.Diabetes,
                Substitutes = ["E13.65", "E11.69"],
                Secondary = [DxOption.Of("Z79.4", '3', 0.5), DxOption.Of("E86.0", '1', 0.2)],
            },
            new()
            {
                Code = "E11.10",
                Weight = 8,
                MinAge = 25,
                Implies = ChronicCondition.Diabetes,
                Substitutes = ["E10.10"],
                Secondary = [DxOption.Of("Z79.4", '3', 0.4), DxOption.Of("E86.0", '1', 0.4)],
            },
            new()
            {
                Code = "E10.10",
                Weight = 18,
                MaxAge = 60,
                Implies = ChronicCondition.DiabetesType1,
                Substitutes = ["E11.10"],
                Secondary = [DxOption.Of("E86.0", '1', 0.45), DxOption.Of("E87.6", '1', 0.2)],
            },
            new()
            {
                Code = "E11.621",
                Weight = 10,
                MinAge = 35,
                Implies = ChronicCondition.Diabetes,
                Substitutes = ["E11.622"],
                Secondary = [DxOption.Of("L97.519", '1', 1.0), DxOption.Of("Z79.4", '3', 0.5)],
                Procedures = [PxOption.OneOf(0.5, PxTiming.WithinThreeDays, ("0JBQ0ZZ", 75), ("0Y6P0Z0", 15), ("0Y6R0Z0", 10))],
            },
            new()
            {
                Code = "E11.621",
                Weight = 10,
                MinAge = 35,
                Implies = ChronicCondition.Diabetes,
                Substitutes = ["E11.622"],
                Secondary = [DxOption.Of("L97.529", '1', 1.0), DxOption.Of("Z79.4", '3', 0.5)],
                Procedures = [PxOption.OneOf(0.5, PxTiming.WithinThreeDays, ("0JBR0ZZ", 75), ("0Y6Q0Z0", 15), ("0Y6S0Z0", 10))],
            },
            new()
            {
                Code = "E11.649",
                Weight = 16,
                MinAge = 40,
                Implies = ChronicCondition.Diabetes,
                Substitutes = ["E16.2"],
                Secondary = [DxOption.Of("Z79.4", '3', 0.7)],
            },
            new()
            {
                Code = "E10.65",
                Weight = 10,
                MaxAge = 70,
                Implies = ChronicCondition.DiabetesType1,
                Substitutes = ["E11.65"],
            },
        ],
        Secondary = [DxOption.Of("N17.9", '2', 0.08), DxOption.Of("E87.1", '1', 0.05)],
        Dispositions = Dispositions.Medical,
        DeathRate = 0.01,
        ReadmitRate = 0.12,
    };

    public static readonly ClinicalProfile GastrointestinalBleed = new()
    {
        Name = "gi_bleed",
        Weight = 2.5,
        Age = new AgeModel(70, 14, 20, 102),
        FemaleShare = 0.45,
        Stay = new StayModel(4, 0.6, 1, 40),
        Variants =
        [
            new()
            {
                Code = "K92.2",
                Weight = 25,
                Substitutes = ["K92.0", "K92.1"],
                Procedures = [PxOption.Of("0DJ08ZZ", 0.7, PxTiming.WithinOneDay), PxOption.Of("0DJD8ZZ", 0.3, PxTiming.WithinThreeDays)],
            },
            new()
            {
                Code = "K92.1",
                Weight = 15,
                Substitutes = ["K92.0"],
                Procedures = [PxOption.Of("0DJ08ZZ", 0.75, PxTiming.WithinOneDay), PxOption.Of("0DJD8ZZ", 0.25, PxTiming.WithinThreeDays)],
            },
            new()
            {
                Code = "K25.4",
                Weight = 15,
                Substitutes = ["K26.4", "K25.9"],
                Procedures = [PxOption.Of("0DJ08ZZ", 0.9, PxTiming.WithinOneDay), PxOption.Of("0W3P8ZZ", 0.45, PxTiming.WithinOneDay), PxOption.Of("0DB68ZX", 0.2, PxTiming.WithinOneDay)],
            },
            new()
            {
                Code = "K26.4",
                Weight = 15,
                Substitutes = ["K25.4"],
                Procedures = [PxOption.Of("0DJ08ZZ", 0.9, PxTiming.WithinOneDay), PxOption.Of("0W3P8ZZ", 0.5, PxTiming.WithinOneDay)],
            },
            new()
            {
                Code = "K57.31",
                Weight = 15,
                MinAge = 40,
                Substitutes = ["K57.33", "K57.30"],
                Procedures = [PxOption.Of("0DJD8ZZ", 0.6, PxTiming.WithinThreeDays)],
            },
        ],
        Secondary =
        [
            new DxOption(0.5, '1', "D62") { Linked = [PxOption.Of("30233N1", 0.7, PxTiming.WithinOneDay)] },
            new DxOption(0.15, '3', "Z79.01") { MinAge = 50 },
            new DxOption(0.15, '3', "Z79.02") { MinAge = 50 },
            DxOption.Of("K70.30", '3', 0.05),
            DxOption.Of("F10.20", '3', 0.08),
        ],
        Dispositions = Dispositions.Medical,
        DeathRate = 0.04,
        ReadmitRate = 0.12,
        TransferOutRate = 0.02,
        AlcRate = 0.08,
    };

    public static readonly ClinicalProfile KidneyFailure = new()
    {
        Name = "kidney_failure",
        Weight = 2.0,
        Age = new AgeModel(72, 13, 18, 102),
        FemaleShare = 0.45,
        Stay = new StayModel(6, 0.6, 1, 60),
        Variants =
        [
            new()
            {
                Code = "N17.9",
                Weight = 65,
                Substitutes = ["N19", "R39.2"],
                Procedures = [PxOption.Of("5A1D70Z", 0.04, PxTiming.AnyDay)],
            },
            new()
            {
                Code = "N17.0",
                Weight = 15,
                Substitutes = ["N17.8", "N17.2"],
                Procedures = [PxOption.Of("5A1D70Z", 0.15, PxTiming.AnyDay)],
            },
            new()
            {
                Code = "N18.6",
                Weight = 20,
                Implies = ChronicCondition.KidneyDisease,
                Substitutes = ["N18.5"],
                Secondary = [DxOption.Of("Z99.2", '3', 0.6), DxOption.Of("D63.1", '3', 0.3)],
                Procedures = [PxOption.Of("5A1D70Z", 0.9, PxTiming.AnyDay)],
            },
        ],
        Secondary =
        [
            DxOption.Of("E87.5", '1', 0.25),
            DxOption.Of("E86.0", '1', 0.3),
            DxOption.Of("E87.1", '1', 0.1),
        ],
        Procedures = [PxOption.Of("02HV33Z", 0.05, PxTiming.WithinThreeDays)],
        Dispositions = Dispositions.MedicalElderly,
        DeathRate = 0.06,
        ReadmitRate = 0.15,
        ReadmitAs = ["heart_failure"],
        AlcRate = 0.12,
    };
}
