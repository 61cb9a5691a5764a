namespace HealthStats.Cli.Tests;

/// <summary>Spec files the extract tests run on the StatsWarehouse's data (400 abstracts of seed 11).</summary>
internal static class ExtractSpecs
{
    /// <summary>Fiscal 2024 discharges by region and sex, mortality by region and patient days by sex, linked by their discharges.</summary>
    public const string Regions = """
        {
          "name": "ministry-regions",
          "description": "Discharges, deaths and days of fiscal 2024",
          "fiscal_years": ["2024"],
          "suppression": { "policy": "CIHI" },
          "tables": [
            { "name": "discharges_by_region_sex", "indicator": "discharges", "dimensions": ["region", "sex"] },
            { "name": "mortality_by_region", "indicator": "in_hospital_mortality", "dimensions": ["region"] },
            { "name": "days_by_sex", "indicator": "patient_days", "dimensions": ["sex"] }
          ]
        }
        """;

    /// <summary>Most responsible diagnoses by chapter and block: a hierarchy, subtotals released.</summary>
    public const string Diagnoses = """
        {
          "name": "ministry-diagnoses",
          "fiscal_years": ["2024"],
          "suppression": { "threshold": 5 },
          "tables": [ { "name": "mrdx_by_block", "indicator": "mrdx_discharges", "dimensions": ["chapter", "block"] } ]
        }
        """;
}
