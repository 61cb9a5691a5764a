namespace HealthStats.Etl.Generation.Profiles;

internal static class CirculatoryProfiles
{
    public static readonly ClinicalProfile HeartFailure = new()
    {
        Name = "heart_failure",
        Weight = 5.0,
        Season = Seasons.MildWinter,
        Age = new AgeModel(79, 10, 35, 104),
        FemaleShare = 0.48,
        Stay = new StayModel(6, 0.6, 1, 50),
        Implies = ChronicCondition.HeartFailure,
        Variants =
        [
            new() { Code = "I50.9", Weight = 25, Substitutes = ["I51.9", "I42.9"] },
            new() { Code = "I50.23", Weight = 20, Substitutes = ["I42.0", "I51.7"] },
            new() { Code = "I50.33", Weight = 25, Substitutes = ["I51.7", "I42.9"] },
            new() { Code = "I50.43", Weight = 10, Substitutes = ["I42.9"] },
            new() { Code = "I50.21", Weight = 10, Substitutes = ["I51.7", "I42.0"] },
            new() { Code = "I50.31", Weight = 10, Substitutes = ["I42.9", "I51.9"] },
        ],
        Secondary =
        [
            DxOption.Of("E87.1", '1', 0.08),
            DxOption.Of("E87.5", '1', 0.05),
            DxOption.Of("N17.9", '2', 0.10),
            DxOption.Of("D64.9", '3', 0.12),
            new DxOption(0.04, '2', "F05") { MinAge = 65 },
        ],
        Procedures =
        [
            PxOption.Of("B246ZZZ", 0.15, PxTiming.WithinThreeDays),
            PxOption.Of("5A09357", 0.03, PxTiming.AdmitDay),
        ],
        Dispositions = Dispositions.MedicalElderly,
        DeathRate = 0.07,
        ReadmitRate = 0.22,
        ReadmitAs = ["kidney_failure", "pneumonia"],
        AlcRate = 0.12,
    };

    /// <summary>PCI is done at the tertiary centre: community hospitals transfer most patients there.</summary>
    public static readonly ClinicalProfile AcuteMyocardialInfarction = new()
    {
        Name = "acute_mi",
        Weight = 3.0,
        Season = Seasons.MildWinter,
        Age = new AgeModel(67, 12, 30, 100),
        FemaleShare = 0.33,
        Stay = new StayModel(3.5, 0.5, 1, 30),
        Implies = ChronicCondition.CoronaryDisease,
        Variants =
        [
            new() { Code = "I21.4", Weight = 55, Substitutes = ["I20.0", "I24.9"] },
            new() { Code = "I21.09", Weight = 12, Substitutes = ["I24.9", "I20.0"] },
            new() { Code = "I21.19", Weight = 12, Substitutes = ["I20.0", "I24.9"] },
            new() { Code = "I21.11", Weight = 8, Substitutes = ["I24.9"] },
            new() { Code = "I21.3", Weight = 5, Substitutes = ["I20.0"] },
        ],
        Secondary =
        [
            new DxOption(0.5, '3', "E78.5"),
            DxOption.Of("I50.21", '2', 0.07),
            DxOption.Of("R57.0", '2', 0.02),
            DxOption.Of("N17.9", '2', 0.04),
        ],
        Procedures =
        [
            new PxOption(0.95, PxTiming.AdmitDay, "B2111ZZ") { CentreOnly = true },
            new PxOption(0.5, PxTiming.AdmitDay, "4A023N7") { CentreOnly = true },
            new PxOption(0.82, PxTiming.AdmitDay, new CodePick(("027034Z", 70), ("027134Z", 20), ("027035Z", 10))) { CentreOnly = true },
            PxOption.Of("B246ZZZ", 0.3, PxTiming.WithinThreeDays),
        ],
        AfterCentreCare = [DxOption.Of("Z95.5", '3', 0.9)],
        Dispositions = Dispositions.Medical,
        DeathRate = 0.05,
        ReadmitRate = 0.10,
        ReadmitAs = ["heart_failure"],
        TransferOutRate = 0.55,
        AlcRate = 0.04,
    };

    public static readonly ClinicalProfile Stroke = new()
    {
        Name = "stroke",
        Weight = 3.0,
        Season = Seasons.MildWinter,
        Age = new AgeModel(74, 12, 25, 104),
        FemaleShare = 0.48,
        Stay = new StayModel(7, 0.7, 1, 90),
        Variants =
        [
            new()
            {
                Code = "I63.9",
                Weight = 30,
                Substitutes = ["G45.9", "I67.89"],
                Procedures = [PxOption.Of("3E03317", 0.12, PxTiming.AdmitDay)],
            },
            new()
            {
                Code = "I63.511",
                Weight = 18,
                Substitutes = ["G45.9", "I66.9"],
                Secondary = [DxOption.Of("G81.94", '1', 0.5)],
                Procedures = [PxOption.Of("3E03317", 0.15, PxTiming.AdmitDay), new PxOption(0.3, PxTiming.AdmitDay, "03CG3ZZ") { CentreOnly = true }],
            },
            new()
            {
                Code = "I63.512",
                Weight = 18,
                Substitutes = ["G45.9", "I66.9"],
                Secondary = [DxOption.Of("G81.91", '1', 0.5), DxOption.Of("R47.01", '1', 0.4)],
                Procedures = [PxOption.Of("3E03317", 0.15, PxTiming.AdmitDay), new PxOption(0.3, PxTiming.AdmitDay, "03CG3ZZ") { CentreOnly = true }],
            },
            new()
            {
                Code = "I63.411",
                Weight = 8,
                Substitutes = ["I66.9"],
                Secondary = [DxOption.Of("G81.94", '1', 0.4)],
                Procedures = [PxOption.Of("3E03317", 0.15, PxTiming.AdmitDay), new PxOption(0.3, PxTiming.AdmitDay, "03CG3ZZ") { CentreOnly = true }],
            },
            new()
            {
                Code = "I63.412",
                Weight = 8,
                Substitutes = ["I66.9"],
                Secondary = [DxOption.Of("G81.91", '1', 0.4), DxOption.Of("R47.01", '1', 0.3)],
                Procedures = [PxOption.Of("3E03317", 0.15, PxTiming.AdmitDay), new PxOption(0.3, PxTiming.AdmitDay, "03CG3ZZ") { CentreOnly = true }],
            },
            new() { Code = "I61.9", Weight = 14, Substitutes = ["I62.9", "I60.9"] },
        ],
        Secondary =
        [
            DxOption.Of("R13.10", '2', 0.22),
            new DxOption(0.07, '2', "J69.0") { MinAge = 50 },
            DxOption.Of("N39.0", '2', 0.06),
        ],
        Procedures = [PxOption.Of("0DH64UZ", 0.03, PxTiming.AnyDay)],
        Dispositions = Dispositions.Stroke,
        DeathRate = 0.10,
        ReadmitRate = 0.08,
        ReadmitAs = ["pneumonia", "uti"],
        TransferOutRate = 0.12,
        AlcRate = 0.25,
    };
}
