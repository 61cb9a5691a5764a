namespace HealthStats.Etl.Generation.Profiles;

/// <summary>Every clinical profile the generator draws index admissions from, in a fixed order.</summary>
internal static class ProfileCatalog
{
    public static readonly ClinicalProfile[] Admissions =
    [
        RespiratoryProfiles.Pneumonia,
        RespiratoryProfiles.Copd,
        CirculatoryProfiles.HeartFailure,
        CirculatoryProfiles.AcuteMyocardialInfarction,
        CirculatoryProfiles.Stroke,
        InfectionProfiles.Sepsis,
        InfectionProfiles.UrinaryTractInfection,
        InfectionProfiles.Cellulitis,
        SurgicalProfiles.HipFracture,
        SurgicalProfiles.Appendicitis,
        SurgicalProfiles.Cholecystitis,
        SurgicalProfiles.KneeReplacement,
        ObstetricProfiles.VaginalDelivery,
        ObstetricProfiles.CaesareanDelivery,
        MentalHealthProfiles.Schizophrenia,
        MentalHealthProfiles.Depression,
        MentalHealthProfiles.Bipolar,
        MedicalProfiles.Palliative,
        MedicalProfiles.Diabetes,
        MedicalProfiles.GastrointestinalBleed,
        MedicalProfiles.KidneyFailure,
    ];

    /// <summary>Admissions and the newborn profile: everything that can appear on an abstract.</summary>
    public static IEnumerable<ClinicalProfile> All => [.. Admissions, ObstetricProfiles.Newborn];

    public static int IndexOf(string name)
    {
        for (var i = 0; i < Admissions.Length; i++)
        {
            if (Admissions[i].Name == name)
                return i;
        }
        throw new ArgumentException($"No clinical profile named '{name}'.", nameof(name));
    }
}
