namespace HealthStats.Warehouse.Indicators;

public enum PopulationRateKind
{
    /// <summary>Discharges over population, one rate per row; broken down by age group it gives age-specific rates.</summary>
    Crude,

    /// <summary>Always by the populations' age groups.</summary>
    AgeSpecific,

    /// <summary>Directly standardised to a standard population's age distribution.</summary>
    AgeStandardised,
}
