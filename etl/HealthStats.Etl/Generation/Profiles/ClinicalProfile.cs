namespace HealthStats.Etl.Generation.Profiles;

/// <summary>
/// A kind of inpatient stay as a health-records technician would recognise it: who is admitted, with
/// which most responsible diagnosis, comorbidities and interventions, for how long, and how they leave.
/// </summary>
internal sealed class ClinicalProfile
{
    public required string Name { get; init; }

    /// <summary>Relative share of index admissions (before seasonality).</summary>
    public required double Weight { get; init; }

    public ProfileKind Kind { get; init; } = ProfileKind.Standard;

    public double[] Season { get; init; } = Seasons.Flat;

    public required AgeModel Age { get; init; }

    /// <summary>Share of female patients: 1 for deliveries.</summary>
    public required double FemaleShare { get; init; }

    public required StayModel Stay { get; init; }

    public required MrdxVariant[] Variants { get; init; }

    public DxOption[] Secondary { get; init; } = [];

    public PxOption[] Procedures { get; init; } = [];

    /// <summary>Diagnoses added when the patient comes back from the tertiary centre (a stent in place).</summary>
    public DxOption[] AfterCentreCare { get; init; } = [];

    public ChronicCondition Implies { get; init; }

    /// <summary>An underlying condition (type 1) kept per patient across stays: the primary cancer.</summary>
    public CodePick? PrimaryCancer { get; init; }

    /// <summary>Discharge dispositions other than death and transfer to acute care, with weights.</summary>
    public required CodePick Dispositions { get; init; }

    public double DeathRate { get; init; }

    public double ReadmitRate { get; init; }

    /// <summary>Whether a readmission may be for the same profile (a second appendectomy may not).</summary>
    public bool ReadmitSame { get; init; } = true;

    /// <summary>Profiles (by name) a readmission may come back with besides this one.</summary>
    public string[] ReadmitAs { get; init; } = [];

    /// <summary>Share of stays at a community hospital transferred to the tertiary centre.</summary>
    public double TransferOutRate { get; init; }

    /// <summary>Share of elderly (70+) long stays that end in alternate level of care days.</summary>
    public double AlcRate { get; init; }

    /// <summary>Share of admissions that are planned (elective): they avoid weekends.</summary>
    public double ElectiveShare { get; init; }

    public bool IsDelivery => Kind is ProfileKind.VaginalDelivery or ProfileKind.CaesareanDelivery;
}
