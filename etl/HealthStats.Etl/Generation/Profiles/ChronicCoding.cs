namespace HealthStats.Etl.Generation.Profiles;

/// <summary>
/// Prevalence of the chronic conditions by age and the codes they get on an abstract, with the
/// ICD-10-CM combination rules a coder applies (hypertension with heart failure is I11.0, with chronic
/// kidney disease I12.x, with both I13.0; diabetes with chronic kidney disease is E11.22).
/// </summary>
internal static class ChronicCoding
{
    public const string Hypertension = "I10";
    public const string HypertensiveHeartDisease = "I11.0";
    public const string HypertensiveKidneyDisease = "I12.9";
    public const string HypertensiveKidneyDiseaseStage5 = "I12.0";
    public const string HypertensiveHeartAndKidneyDisease = "I13.0";
    public const string HypertensiveHeartAndKidneyDiseaseStage5 = "I13.2";
    public const string Diabetes = "E11.9";
    public const string DiabetesWithKidneyDisease = "E11.22";
    public const string DiabetesType1 = "E10.9";
    public const string Insulin = "Z79.4";
    public const string Copd = "J44.9";
    public const string KidneyDisease = "N18.30";
    public const string AtrialFibrillation = "I48.91";
    public const string Anticoagulant = "Z79.01";
    public const string Dementia = "F03.90";
    public const string CoronaryDisease = "I25.10";
    public const string Smoker = "F17.210";
    public const string FormerSmoker = "Z87.891";
    public const string Obesity = "E66.9";
    public const string HeartFailure = "I50.9";

    /// <summary>Every code this class can emit, for the starter classification.</summary>
    public static readonly string[] AllCodes =
    [
        Hypertension, HypertensiveHeartDisease, HypertensiveKidneyDisease, HypertensiveKidneyDiseaseStage5,
        HypertensiveHeartAndKidneyDisease, HypertensiveHeartAndKidneyDiseaseStage5, Diabetes, DiabetesWithKidneyDisease, DiabetesType1, Insulin, Copd,
        KidneyDisease, AtrialFibrillation, Anticoagulant, Dementia, CoronaryDisease, Smoker, FormerSmoker,
        Obesity, HeartFailure,
    ];

    public static ChronicCondition Sample(Prng rng, int age)
    {
        if (age < 18)
            return ChronicCondition.None;
        var c = ChronicCondition.None;
        var band = age < 40 ? 0 : age < 65 ? 1 : age < 80 ? 2 : 3;
        if (rng.Chance(Pick(band, 0.05, 0.25, 0.55, 0.65)))
            c |= ChronicCondition.Hypertension;
        if (rng.Chance(Pick(band, 0.03, 0.12, 0.24, 0.22)))
            c |= ChronicCondition.Diabetes;
        if (rng.Chance(Pick(band, 0.0, 0.05, 0.12, 0.12)))
            c |= ChronicCondition.Copd;
        if (rng.Chance(Pick(band, 0.01, 0.04, 0.14, 0.22)))
            c |= ChronicCondition.KidneyDisease;
        if (rng.Chance(Pick(band, 0.0, 0.03, 0.10, 0.18)))
            c |= ChronicCondition.AtrialFibrillation;
        if (rng.Chance(Pick(band, 0.0, 0.0, 0.06, 0.22)))
            c |= ChronicCondition.Dementia;
        if (rng.Chance(Pick(band, 0.0, 0.08, 0.18, 0.22)))
            c |= ChronicCondition.CoronaryDisease;
        if (rng.Chance(Pick(band, 0.0, 0.02, 0.06, 0.10)))
            c |= ChronicCondition.HeartFailure;
        if (rng.Chance(Pick(band, 0.12, 0.12, 0.22, 0.08)))
            c |= ChronicCondition.Obesity;
        var smoking = rng.NextDouble();
        if (smoking < Pick(band, 0.18, 0.17, 0.10, 0.05))
            c |= ChronicCondition.Smoker;
        else if (smoking < Pick(band, 0.22, 0.35, 0.40, 0.40))
            c |= ChronicCondition.FormerSmoker;
        return c;
    }

    private static double Pick(int band, double under40, double under65, double under80, double older) =>
        band switch
        {
            0 => under40,
            1 => under65,
            2 => under80,
            _ => older,
        };
}
