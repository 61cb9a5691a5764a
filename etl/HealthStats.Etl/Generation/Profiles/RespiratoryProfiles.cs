namespace HealthStats.Etl.Generation.Profiles;

internal static class RespiratoryProfiles
{
    public static readonly ClinicalProfile Pneumonia = new()
    {
        Name = "pneumonia",
        Weight = 6.0,
        Season = Seasons.Respiratory,
        Age = new AgeModel(74, 15, 18, 104),
        FemaleShare = 0.48,
        Stay = new StayModel(5, 0.6, 1, 60),
        Variants =
        [
            new() { Code = "J18.9", Weight = 58, Substitutes = ["J22", "J20.9"] },
            new() { Code = "J18.1", Weight = 8, Substitutes = ["J22", "J15.8"] },
            new() { Code = "J15.9", Weight = 10, Substitutes = ["J20.9", "J15.8"] },
            new() { Code = "J13", Weight = 7, Substitutes = ["J15.8", "J22"] },
            new() { Code = "J69.0", Weight = 12, MinAge = 50, Substitutes = ["J69.8"] },
            new() { Code = "J15.212", Weight = 3, Substitutes = ["J15.211"] },
            new() { Code = "J15.1", Weight = 2, Substitutes = ["J15.8"] },
        ],
        Secondary =
        [
            new DxOption(0.14, '1', "J96.01") { Linked = [PxOption.OneOf(0.25, PxTiming.WithinOneDay, ("5A1935Z", 6), ("5A1945Z", 3), ("5A1955Z", 1))] },
            DxOption.Of("E87.1", '1', 0.08),
            DxOption.Of("E86.0", '1', 0.12),
            DxOption.Of("J90", '1', 0.05),
            DxOption.Of("N17.9", '2', 0.06),
            new DxOption(0.06, '2', "F05") { MinAge = 65 },
            DxOption.Of("A04.72", '2', 0.02),
        ],
        Procedures = [PxOption.Of("0BJ08ZZ", 0.02, PxTiming.WithinThreeDays)],
        Dispositions = Dispositions.MedicalElderly,
        DeathRate = 0.07,
        ReadmitRate = 0.14,
        ReadmitAs = ["copd", "sepsis", "heart_failure"],
        TransferOutRate = 0.01,
        AlcRate = 0.12,
    };

    public static readonly ClinicalProfile Copd = new()
    {
        Name = "copd",
        Weight = 5.0,
        Season = Seasons.Respiratory,
        Age = new AgeModel(72, 10, 40, 102),
        FemaleShare = 0.5,
        Stay = new StayModel(4, 0.6, 1, 45),
        Implies = ChronicCondition.Copd,
        Variants =
        [
            new() { Code = "J44.1", Weight = 78, Substitutes = ["J43.9", "J42", "J45.901"] },
            new()
            {
                Code = "J44.0",
                Weight = 22,
                Substitutes = ["J42", "J43.9"],
                Secondary = [DxOption.OneOf('1', 1.0, ("J18.9", 7), ("J22", 3))],
            },
        ],
        Secondary =
        [
            DxOption.Of("J96.01", '1', 0.10),
            DxOption.Of("Z99.81", '3', 0.15),
            DxOption.Of("E87.1", '1', 0.04),
            new DxOption(0.04, '2', "F05") { MinAge = 65 },
        ],
        Procedures = [PxOption.OneOf(0.10, PxTiming.WithinOneDay, ("5A09358", 5), ("5A09458", 5))],
        Dispositions = Dispositions.MedicalElderly,
        DeathRate = 0.03,
        ReadmitRate = 0.20,
        ReadmitAs = ["pneumonia", "heart_failure"],
        AlcRate = 0.08,
    };
}
