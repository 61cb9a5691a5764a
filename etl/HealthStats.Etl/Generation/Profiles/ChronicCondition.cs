namespace HealthStats.Etl.Generation.Profiles;

/// <summary>
/// Long-standing conditions a synthetic patient carries from stay to stay, so that a readmitted
/// patient keeps the diabetes and hypertension coded on the first abstract.
/// </summary>
[Flags]
internal enum ChronicCondition : ushort
{
    None = 0,
    Hypertension = 1 << 0,
    Diabetes = 1 << 1,
    DiabetesType1 = 1 << 2,
    Copd = 1 << 3,
    KidneyDisease = 1 << 4,
    AtrialFibrillation = 1 << 5,
    Dementia = 1 << 6,
    CoronaryDisease = 1 << 7,
    Smoker = 1 << 8,
    FormerSmoker = 1 << 9,
    Obesity = 1 << 10,
    HeartFailure = 1 << 11,
}
