namespace HealthStats.Warehouse.Indicators;

/// <summary>
/// Most responsible diagnoses and interventions by level of their classification, with titles (top N with
/// --top), and by the discharge dimensions the dashboard filters on (all of Dimensions.OfDischarges but the
/// disposition, which no dashboard filter asks for and which would multiply the summaries' rows).
/// </summary>
internal static class CodeIndicators
{
    private static readonly Dimension Chapter = new("chapter", "Chapter",
        "The code's classification chapter (ICD-10 chapter I to XXII; ICD-10-PCS section), with its title.", HasTitle: true);

    private static readonly Dimension Block = new("block", "Block",
        "The code's block (ICD-10 range such as J09-J18; ICD-10-PCS body system), with its title.", HasTitle: true);

    private static readonly Dimension Category = new("category", "3-character category",
        "The diagnosis code's first three characters (J18), with the category's title.", HasTitle: true);

    private static readonly Dimension Code = new("code", "Code", "The code as submitted, without the dot, with its title from the newest classification version that has it.", HasTitle: true);

    private static readonly Dimension Ccsr = new("ccsr", "CCSR category",
        "The diagnosis code's default inpatient CCSR category (AHRQ, after reference import-ccsr), with its description; 'unmapped' where the CCSR has none.", HasTitle: true);

    public static readonly IReadOnlyList<Indicator> All =
    [
        new AggregateIndicator
        {
            Id = "mrdx_discharges", Name = "Discharges by most responsible diagnosis",
            Definition = "Discharges whose most responsible diagnosis (MRDx, diagnosis type M) falls in the row's chapter, block, category, code or CCSR category; with --top N, the N most frequent.",
            Numerator = "Abstracts with the MRDx in the group", Inclusions = "Current abstracts.", Exclusions = "Other diagnosis types.", Unit = "discharges",
            Dimensions =
            [
                Dimensions.Month, Dimensions.Quarter, Dimensions.FiscalYear, Dimensions.Facility,
                Dimensions.Region, Dimensions.AgeGroup, Dimensions.Sex, Dimensions.AdmitCategory,
                Chapter, Block, Category, Code, Ccsr,
            ],
            Source = "diagnoses", ValueSql = "sum(discharges)",
        },
        new AggregateIndicator
        {
            Id = "interventions", Name = "Interventions",
            Definition = "Interventions coded on the discharges of the fiscal year, in the row's chapter, block or code; an abstract coding a code twice counts twice; with --top N, the N most frequent.",
            Numerator = "Intervention codes on current abstracts", Inclusions = "Current abstracts.", Exclusions = "None.", Unit = "interventions",
            // By the discharge's fiscal year, not its month: the yearly summary stays small.
            Dimensions =
            [
                Dimensions.FiscalYear, Dimensions.Facility, Dimensions.Region, Dimensions.AgeGroup, Dimensions.Sex, Dimensions.AdmitCategory,
                Chapter, Block, Code,
            ],
            Source = "interventions", ValueSql = "sum(interventions)",
        },
    ];
}
