namespace HealthStats.Etl.Generation.Profiles;

/// <summary>
/// Deliveries and the newborn's own abstract. Length of stay here counts days after the delivery day;
/// the engine derives the delivery day from the labour and writes the newborn beside the mother.
/// </summary>
internal static class ObstetricProfiles
{
    private static readonly DxOption SingleLiveBirth = DxOption.Of("Z37.0", '3', 1.0);

    private static readonly DxOption FullTerm = DxOption.OneOf('3', 1.0, ("Z3A.37", 8), ("Z3A.38", 18), ("Z3A.39", 38), ("Z3A.40", 36));

    private static readonly DxOption PlannedTerm = DxOption.OneOf('3', 1.0, ("Z3A.38", 20), ("Z3A.39", 70), ("Z3A.40", 10));

    private static readonly DxOption PostTerm = DxOption.Of("Z3A.41", '3', 1.0);

    /// <summary>Maternal conditions; not with O80, which means no complication at all.</summary>
    private static readonly DxOption[] MaternalConditions =
    [
        DxOption.Of("O99.214", '1', 0.06),
        DxOption.OneOf('1', 0.05, ("O24.420", 75), ("O24.424", 25)),
        DxOption.Of("O13.4", '1', 0.04),
        new DxOption(0.03, '2', "O72.1") { Linked = [PxOption.Of("30233N1", 0.3, PxTiming.DeliveryDay)] },
    ];

    private static DxOption[] With(params DxOption[] options) => [.. options, .. MaternalConditions];

    private static readonly PxOption VaginalDeliveryPx = PxOption.Of("10E0XZZ", 1.0, PxTiming.DeliveryDay);

    private static readonly PxOption Epidural = PxOption.Of("3E0S3BZ", 0.55, PxTiming.DeliveryDay);

    private static readonly PxOption LowCaesarean = PxOption.Of("10D00Z1", 1.0, PxTiming.DeliveryDay);

    private static readonly PxOption Spinal = PxOption.Of("3E0R3BZ", 0.8, PxTiming.DeliveryDay);

    public static readonly ClinicalProfile VaginalDelivery = new()
    {
        Name = "vaginal_delivery",
        Kind = ProfileKind.VaginalDelivery,
        Weight = 8.0,
        Season = Seasons.Births,
        Age = new AgeModel(30.5, 5, 16, 46),
        FemaleShare = 1.0,
        Stay = new StayModel(1.5, 0.4, 1, 5),
        Variants =
        [
            new()
            {
                Code = "O80",
                Weight = 50,
                Substitutes = ["O75.89"],
                Secondary = [SingleLiveBirth, FullTerm],
                Procedures = [VaginalDeliveryPx, Epidural],
            },
            new()
            {
                Code = "O70.0",
                Weight = 16,
                Substitutes = ["O70.1"],
                Secondary = With(SingleLiveBirth, FullTerm),
                Procedures = [VaginalDeliveryPx, Epidural, PxOption.Of("0HQ9XZZ", 1.0, PxTiming.DeliveryDay)],
            },
            new()
            {
                Code = "O70.1",
                Weight = 18,
                Substitutes = ["O70.0", "O70.20"],
                Secondary = With(SingleLiveBirth, FullTerm),
                Procedures = [VaginalDeliveryPx, Epidural, PxOption.Of("0KQM0ZZ", 1.0, PxTiming.DeliveryDay)],
            },
            new()
            {
                Code = "O48.0",
                Weight = 8,
                Substitutes = ["O75.89"],
                Secondary = With(SingleLiveBirth, PostTerm),
                Procedures = [VaginalDeliveryPx, Epidural],
            },
            new()
            {
                Code = "O24.420",
                Weight = 4,
                Substitutes = ["O24.424"],
                Secondary = [SingleLiveBirth, FullTerm],
                Procedures = [VaginalDeliveryPx, Epidural],
            },
            new()
            {
                Code = "O13.4",
                Weight = 4,
                Substitutes = ["O16.4"],
                Secondary = [SingleLiveBirth, FullTerm],
                Procedures = [VaginalDeliveryPx, Epidural],
            },
        ],
        Dispositions = Dispositions.Obstetric,
    };

    public static readonly ClinicalProfile CaesareanDelivery = new()
    {
        Name = "caesarean_delivery",
        Kind = ProfileKind.CaesareanDelivery,
        Weight = 4.0,
        Season = Seasons.Births,
        Age = new AgeModel(32, 5, 17, 47),
        FemaleShare = 1.0,
        Stay = new StayModel(2.5, 0.3, 2, 7),
        ElectiveShare = 0.5,
        Variants =
        [
            new()
            {
                Code = "O34.211",
                Weight = 40,
                AdmitCategory = 'L',
                Substitutes = ["O34.219", "O34.29"],
                Secondary = With(SingleLiveBirth, PlannedTerm),
                Procedures = [LowCaesarean, Spinal],
            },
            new()
            {
                Code = "O32.1XX0",
                Weight = 15,
                AdmitCategory = 'L',
                Substitutes = ["O32.2XX0"],
                Secondary = With(SingleLiveBirth, PlannedTerm),
                Procedures = [LowCaesarean, Spinal],
            },
            new()
            {
                Code = "O76",
                Weight = 15,
                Substitutes = ["O68"],
                Secondary = With(SingleLiveBirth, FullTerm),
                Procedures = [LowCaesarean, Spinal],
            },
            new()
            {
                Code = "O68",
                Weight = 5,
                Substitutes = ["O76"],
                Secondary = With(SingleLiveBirth, FullTerm),
                Procedures = [LowCaesarean, Spinal],
            },
            new()
            {
                Code = "O62.2",
                Weight = 15,
                Substitutes = ["O62.0", "O62.1"],
                Secondary = With(SingleLiveBirth, FullTerm),
                Procedures = [LowCaesarean, Spinal],
            },
            new()
            {
                Code = "O64.0XX0",
                Weight = 10,
                Substitutes = ["O66.9"],
                Secondary = With(SingleLiveBirth, FullTerm),
                Procedures = [LowCaesarean, Spinal],
            },
        ],
        Secondary = [new DxOption(0.03, '3', "Z30.2") { Linked = [PxOption.Of("0UL70ZZ", 1.0, PxTiming.DeliveryDay)] }],
        Dispositions = Dispositions.Obstetric,
    };

    /// <summary>Never chosen on its own: written with each delivery. Age is always 0.</summary>
    public static readonly ClinicalProfile Newborn = new()
    {
        Name = "newborn",
        Kind = ProfileKind.Newborn,
        Weight = 0,
        Age = new AgeModel(0, 0, 0, 0),
        FemaleShare = 0.487,
        Stay = new StayModel(1.5, 0.4, 0, 5),
        Variants =
        [
            new() { Code = "Z38.00", Weight = 1, AdmitCategory = 'N', Substitutes = ["Z38.1", "Z38.2"] },
            new() { Code = "Z38.01", Weight = 1, AdmitCategory = 'N', Substitutes = ["Z38.00", "Z38.2"] },
        ],
        Secondary =
        [
            new DxOption(0.10, '0', "P59.9") { Linked = [PxOption.Of("6A600ZZ", 0.6, PxTiming.WithinThreeDays)] },
            DxOption.Of("P92.9", '0', 0.03),
            DxOption.Of("P22.1", '0', 0.04),
            DxOption.Of("P70.4", '0', 0.02),
            new DxOption(0.08, '3', "Z41.2") { OnlySex = 'M', Linked = [PxOption.Of("0VTTXZZ", 1.0, PxTiming.AnyDay)] },
        ],
        Dispositions = Dispositions.Newborn,
    };
}
