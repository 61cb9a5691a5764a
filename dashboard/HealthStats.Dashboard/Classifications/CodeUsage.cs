namespace HealthStats.Dashboard.Classifications;

/// <summary>
/// How often a code was coded on the current abstracts of a fiscal year. For a diagnosis, <see cref="AsMostResponsible"/>
/// is the discharges with it as MRDx and <see cref="Coded"/> those with it as any diagnosis (a code appears at most
/// once per abstract: validation rule C05); an intervention has only <see cref="Coded"/>.
/// </summary>
public sealed record CodeUsage(int FiscalYear, long? AsMostResponsible, long Coded);
