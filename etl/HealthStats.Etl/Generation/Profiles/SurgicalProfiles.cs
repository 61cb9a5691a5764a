namespace HealthStats.Etl.Generation.Profiles;

internal static class SurgicalProfiles
{
    /// <summary>How the patient fell (type 9 external cause) and where.</summary>
    private static readonly DxOption[] Fall =
    [
        DxOption.OneOf('9', 1.0, ("W01.0XXA", 40), ("W19.XXXA", 35), ("W18.30XA", 15), ("W10.9XXA", 10)),
        DxOption.OneOf('9', 0.9, ("Y92.009", 70), ("Y92.129", 30)),
    ];

    private static PxOption HipRepair(double probability, params (string Code, double Weight)[] codes) =>
        PxOption.OneOf(probability, PxTiming.WithinThreeDays, codes);

    public static readonly ClinicalProfile HipFracture = new()
    {
        Name = "hip_fracture",
        Weight = 2.5,
        Season = Seasons.Injury,
        Age = new AgeModel(83, 8, 55, 105),
        FemaleShare = 0.70,
        Stay = new StayModel(9, 0.6, 2, 90),
        Variants =
        [
            new()
            {
                Code = "S72.001A",
                Weight = 18,
                Substitutes = ["S72.101A"],
                Secondary = Fall,
                Procedures = [HipRepair(0.95, ("0SRR0J9", 60), ("0SR90J9", 25), ("0QS634Z", 15))],
            },
            new()
            {
                Code = "S72.002A",
                Weight = 18,
                Substitutes = ["S72.102A"],
                Secondary = Fall,
                Procedures = [HipRepair(0.95, ("0SRS0J9", 60), ("0SRB0J9", 25), ("0QS734Z", 15))],
            },
            new()
            {
                Code = "S72.011A",
                Weight = 10,
                Substitutes = ["S72.101A"],
                Secondary = Fall,
                Procedures = [HipRepair(0.95, ("0SRR0J9", 65), ("0SR90J9", 25), ("0QS634Z", 10))],
            },
            new()
            {
                Code = "S72.012A",
                Weight = 10,
                Substitutes = ["S72.102A"],
                Secondary = Fall,
                Procedures = [HipRepair(0.95, ("0SRS0J9", 65), ("0SRB0J9", 25), ("0QS734Z", 10))],
            },
            new()
            {
                Code = "S72.141A",
                Weight = 22,
                Substitutes = ["S72.21XA"],
                Secondary = Fall,
                Procedures = [HipRepair(0.95, ("0QS636Z", 70), ("0QS634Z", 30))],
            },
            new()
            {
                Code = "S72.142A",
                Weight = 22,
                Substitutes = ["S72.22XA"],
                Secondary = Fall,
                Procedures = [HipRepair(0.95, ("0QS736Z", 70), ("0QS734Z", 30))],
            },
        ],
        Secondary =
        [
            new DxOption(0.2, '2', "D62") { Linked = [PxOption.Of("30233N1", 0.7, PxTiming.WithinThreeDays)] },
            DxOption.Of("M81.0", '3', 0.3),
            new DxOption(0.12, '2', "F05") { MinAge = 65 },
            DxOption.Of("N39.0", '2', 0.05),
        ],
        Dispositions = Dispositions.HipFracture,
        DeathRate = 0.06,
        ReadmitRate = 0.08,
        ReadmitSame = false,
        ReadmitAs = ["pneumonia", "uti"],
        AlcRate = 0.35,
    };

    public static readonly ClinicalProfile Appendicitis = new()
    {
        Name = "appendicitis",
        Weight = 3.0,
        Season = Seasons.Summer,
        Age = new AgeModel(27, 16, 5, 90),
        FemaleShare = 0.45,
        Stay = new StayModel(1.8, 0.5, 0, 14),
        Variants =
        [
            new() { Code = "K35.80", Weight = 45, Substitutes = ["K38.8", "K52.9"] },
            new() { Code = "K35.890", Weight = 20, Substitutes = ["K35.891", "K38.8"] },
            new() { Code = "K35.30", Weight = 20, Substitutes = ["K35.32", "K65.9"] },
            new() { Code = "K35.32", Weight = 15, Substitutes = ["K35.30", "K65.0"] },
        ],
        Procedures = [PxOption.OneOf(0.97, PxTiming.WithinOneDay, ("0DTJ4ZZ", 85), ("0DTJ0ZZ", 15))],
        Dispositions = Dispositions.Surgical,
        DeathRate = 0.001,
    };

    public static readonly ClinicalProfile Cholecystitis = new()
    {
        Name = "cholecystitis",
        Weight = 3.0,
        Age = new AgeModel(55, 16, 18, 95),
        FemaleShare = 0.65,
        Stay = new StayModel(2.5, 0.6, 0, 20),
        ElectiveShare = 0.4,
        Variants =
        [
            new()
            {
                Code = "K80.00",
                Weight = 40,
                Substitutes = ["K80.20", "K81.0"],
                Procedures = [PxOption.OneOf(0.9, PxTiming.WithinThreeDays, ("0FT44ZZ", 90), ("0FT40ZZ", 10))],
            },
            new()
            {
                Code = "K81.0",
                Weight = 15,
                Substitutes = ["K81.9", "K82.8"],
                Procedures = [PxOption.OneOf(0.85, PxTiming.WithinThreeDays, ("0FT44ZZ", 88), ("0FT40ZZ", 12))],
            },
            new()
            {
                Code = "K80.01",
                Weight = 5,
                Substitutes = ["K80.50"],
                Procedures = [PxOption.OneOf(0.85, PxTiming.WithinThreeDays, ("0FT44ZZ", 85), ("0FT40ZZ", 15))],
            },
            new()
            {
                Code = "K80.10",
                Weight = 40,
                AdmitCategory = 'L',
                Substitutes = ["K80.20", "K81.1"],
                Procedures = [PxOption.OneOf(1.0, PxTiming.AdmitDay, ("0FT44ZZ", 96), ("0FT40ZZ", 4))],
            },
        ],
        Dispositions = Dispositions.Surgical,
        DeathRate = 0.004,
    };

    public static readonly ClinicalProfile KneeReplacement = new()
    {
        Name = "knee_replacement",
        Weight = 4.0,
        Season = Seasons.Elective,
        Age = new AgeModel(68, 8, 45, 95),
        FemaleShare = 0.6,
        Stay = new StayModel(1.8, 0.5, 0, 14),
        ElectiveShare = 1.0,
        Variants =
        [
            new()
            {
                Code = "M17.11",
                Weight = 48,
                AdmitCategory = 'L',
                Substitutes = ["M17.12", "M16.11"],
                Procedures = [PxOption.OneOf(1.0, PxTiming.AdmitDay, ("0SRC0J9", 80), ("0SRC0JZ", 20))],
            },
            new()
            {
                Code = "M17.12",
                Weight = 48,
                AdmitCategory = 'L',
                Substitutes = ["M17.11", "M16.12"],
                Procedures = [PxOption.OneOf(1.0, PxTiming.AdmitDay, ("0SRD0J9", 80), ("0SRD0JZ", 20))],
            },
            new()
            {
                Code = "M17.0",
                Weight = 4,
                AdmitCategory = 'L',
                Substitutes = ["M17.11"],
                Procedures = [PxOption.OneOf(1.0, PxTiming.AdmitDay, ("0SRC0J9", 50), ("0SRD0J9", 50))],
            },
        ],
        Secondary = [new DxOption(0.05, '2', "D62") { Linked = [PxOption.Of("30233N1", 0.6, PxTiming.WithinOneDay)] }],
        Dispositions = Dispositions.Surgical,
        DeathRate = 0.001,
        ReadmitRate = 0.03,
        ReadmitSame = false,
        ReadmitAs = ["pneumonia", "uti"],
    };
}
