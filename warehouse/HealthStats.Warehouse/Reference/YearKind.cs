namespace HealthStats.Warehouse.Reference;

/// <summary>What the year of a population means: a calendar year, or a fiscal year named by its first calendar year.</summary>
public enum YearKind
{
    Calendar,
    Fiscal,
}
