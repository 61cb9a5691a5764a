namespace HealthStats.Etl.Generation.Profiles;

internal static class InfectionProfiles
{
    public static readonly ClinicalProfile Sepsis = new()
    {
        Name = "sepsis",
        Weight = 3.0,
        Season = Seasons.MildWinter,
        Age = new AgeModel(72, 15, 18, 104),
        FemaleShare = 0.5,
        Stay = new StayModel(7, 0.7, 1, 80),
        Variants =
        [
            new()
            {
                Code = "A41.9",
                Weight = 55,
                Substitutes = ["R78.81", "A49.9"],
                Secondary = [DxOption.OneOf('1', 0.7, ("N39.0", 40), ("J18.9", 40), ("L03.115", 5), ("L03.116", 5), ("K81.0", 10))],
            },
            new()
            {
                Code = "A41.51",
                Weight = 25,
                Substitutes = ["A41.50", "A49.9"],
                Secondary = [DxOption.OneOf('1', 0.8, ("N39.0", 80), ("N10", 20))],
            },
            new() { Code = "A41.01", Weight = 10, Substitutes = ["A41.02", "R78.81"] },
            new()
            {
                Code = "A40.3",
                Weight = 6,
                Substitutes = ["A40.9"],
                Secondary = [DxOption.Of("J13", '1', 0.8)],
            },
            new() { Code = "A41.59", Weight = 4, Substitutes = ["A41.50"] },
        ],
        Secondary =
        [
            DxOption.OneOf('1', 0.3, ("R65.20", 80), ("R65.21", 20)),
            new DxOption(0.2, '2', "N17.9") { Linked = [PxOption.Of("5A1D70Z", 0.05, PxTiming.AnyDay)] },
            DxOption.Of("E86.0", '1', 0.15),
            DxOption.Of("E87.1", '1', 0.06),
            DxOption.Of("D69.6", '2', 0.05),
            new DxOption(0.07, '2', "F05") { MinAge = 65 },
        ],
        Procedures =
        [
            PxOption.Of("02HV33Z", 0.12, PxTiming.WithinOneDay),
            PxOption.OneOf(0.06, PxTiming.WithinOneDay, ("5A1935Z", 5), ("5A1945Z", 3), ("5A1955Z", 2)),
        ],
        Dispositions = Dispositions.MedicalElderly,
        DeathRate = 0.15,
        ReadmitRate = 0.12,
        ReadmitAs = ["uti", "pneumonia"],
        TransferOutRate = 0.02,
        AlcRate = 0.12,
    };

    public static readonly ClinicalProfile UrinaryTractInfection = new()
    {
        Name = "uti",
        Weight = 3.0,
        Age = new AgeModel(76, 14, 18, 104),
        FemaleShare = 0.68,
        Stay = new StayModel(4, 0.6, 1, 40),
        Variants =
        [
            new() { Code = "N39.0", Weight = 75, Substitutes = ["N30.90", "N30.00"] },
            new() { Code = "N10", Weight = 25, Substitutes = ["N12"] },
        ],
        Secondary =
        [
            DxOption.OneOf('3', 0.6, ("B96.20", 70), ("B95.2", 15), ("B96.1", 10), ("B96.4", 5)),
            DxOption.Of("E86.0", '1', 0.2),
            new DxOption(0.12, '2', "F05") { MinAge = 65 },
            new DxOption(0.3, '3', "N40.0") { OnlySex = 'M', MinAge = 50 },
        ],
        Procedures = [PxOption.Of("0T9B70Z", 0.05, PxTiming.AnyDay)],
        Dispositions = Dispositions.MedicalElderly,
        DeathRate = 0.02,
        ReadmitRate = 0.12,
        ReadmitAs = ["sepsis"],
        AlcRate = 0.15,
    };

    public static readonly ClinicalProfile Cellulitis = new()
    {
        Name = "cellulitis",
        Weight = 2.0,
        Season = Seasons.Summer,
        Age = new AgeModel(60, 18, 18, 100),
        FemaleShare = 0.45,
        Stay = new StayModel(4, 0.6, 1, 40),
        Variants =
        [
            new()
            {
                Code = "L03.115",
                Weight = 35,
                Substitutes = ["L02.415", "L03.116"],
                Procedures = [PxOption.Of("0J9N0ZZ", 0.06, PxTiming.WithinThreeDays)],
            },
            new()
            {
                Code = "L03.116",
                Weight = 35,
                Substitutes = ["L02.416", "L03.115"],
                Procedures = [PxOption.Of("0J9P0ZZ", 0.06, PxTiming.WithinThreeDays)],
            },
            new() { Code = "L03.113", Weight = 10, Substitutes = ["L02.413", "L03.114"] },
            new() { Code = "L03.114", Weight = 10, Substitutes = ["L02.414", "L03.113"] },
            new() { Code = "L03.90", Weight = 10, Substitutes = ["L08.9"] },
        ],
        Secondary =
        [
            DxOption.OneOf('3', 0.15, ("B95.0", 40), ("B95.61", 40), ("B95.62", 20)),
            DxOption.Of("I87.2", '3', 0.15),
            DxOption.Of("E86.0", '1', 0.05),
        ],
        Dispositions = Dispositions.Medical,
        DeathRate = 0.005,
        ReadmitRate = 0.08,
        AlcRate = 0.05,
    };
}
