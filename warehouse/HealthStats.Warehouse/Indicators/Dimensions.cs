namespace HealthStats.Warehouse.Indicators;

/// <summary>The dimensions indicators are broken down by, each defined once.</summary>
public static class Dimensions
{
    public static readonly Dimension Month = new("month", "Discharge month", "Calendar month of the discharge date, as yyyy-MM.");

    public static readonly Dimension Quarter = new("quarter", "Fiscal quarter",
        "Fiscal quarter of the discharge date, as yyyy-Qn, the fiscal year named by its first calendar year (2024-Q1 is April to June 2024).");

    public static readonly Dimension FiscalYear = new("fiscal_year", "Fiscal year",
        "Fiscal year of the discharge date (April 1 to March 31), named by its first calendar year.");

    public static readonly Dimension Facility = new("facility", "Facility", "The facility that discharged the patient (facility_id).");

    public static readonly Dimension Region = new("region", "Residence region",
        "The patient's residence region code as submitted; 'unknown' where none was given.");

    public static readonly Dimension AgeGroup = new("age_group", "Age group",
        "5-year age group of the age at admission (0-4, 5-9, ..., 85-89, 90+).");

    public static readonly Dimension Sex = new("sex", "Sex", "Sex as submitted (M, F, O, U).");

    public static readonly Dimension AdmitCategory = new("admit_category", "Admit category",
        "Admission category (U urgent or emergent, L elective, N newborn, S stillbirth, R cadaveric donor).");

    public static readonly Dimension Disposition = new("disposition", "Discharge disposition",
        "Discharge disposition code (01 transferred to acute care, ..., 05 home, 06 signed out, 07 died, ...).");

    /// <summary>The dimensions of every discharge-based indicator.</summary>
    public static readonly IReadOnlyList<Dimension> OfDischarges =
        [Month, Quarter, FiscalYear, Facility, Region, AgeGroup, Sex, AdmitCategory, Disposition];

    public static readonly Dimension PopulationYear = new("year", "Population year",
        "The year of the imported populations: fiscal years (discharges by fiscal year) where fiscal populations are imported, else calendar years (discharges by calendar year). Without it, the years are pooled: discharges over person-years.");

    public static readonly Dimension PopulationRegion = new("region", "Residence region",
        "A residence region with imported populations. Without it, the population is the year's region ALL where imported (numerator: every discharge with a residence region), else the sum of the year's regions (numerator: their residents' discharges).");

    public static readonly Dimension PopulationSex = new("sex", "Sex",
        "M or F, against the populations of that sex. Without it, the population is the T rows where imported, else M plus F, and discharges of every sex count.");

    public static readonly Dimension PopulationAgeGroup = new("age_group", "Population age group",
        "The age groups of the imported populations (age_start-age_end, or age_start+ for the open top group), the age at admission placing the discharge.");
}
