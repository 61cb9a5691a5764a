using static HealthStats.Etl.Ingest.AbstractColumns;

namespace HealthStats.Etl.Ingest;

/// <summary>A raw abstract as (column, value) pairs of the section 1 layout, and back.</summary>
public static class RawAbstractColumns
{
    /// <summary>The non-empty values, under their CSV column names.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Values(RawAbstract raw)
    {
        (string, string?)[] scalars =
        [
            (FacilityId, raw.FacilityId), (AbstractId, raw.AbstractId), (AbstractColumns.Action, raw.Action), (ChartNumber, raw.ChartNumber),
            (HealthCardNumber, raw.HealthCardNumber), (Sex, raw.Sex), (BirthDate, raw.BirthDate), (PostalCode, raw.PostalCode),
            (ResidenceRegion, raw.ResidenceRegion), (AdmitDate, raw.AdmitDate), (AdmitTime, raw.AdmitTime),
            (DischargeDate, raw.DischargeDate), (DischargeTime, raw.DischargeTime), (AdmitCategory, raw.AdmitCategory),
            (DischargeDisposition, raw.DischargeDisposition), (InstitutionFrom, raw.InstitutionFrom), (InstitutionTo, raw.InstitutionTo),
            (AlcDays, raw.AlcDays), (CoderId, raw.CoderId), (AbstractCompletedDate, raw.AbstractCompletedDate),
        ];
        foreach (var (column, value) in scalars)
        {
            if (value is not null)
                yield return new(column, value);
        }
        for (var i = 0; i < raw.Diagnoses.Count; i++)
        {
            if (raw.Diagnoses[i].Code is { } code)
                yield return new(DiagnosisCode(i + 1), code);
            if (raw.Diagnoses[i].Type is { } type)
                yield return new(DiagnosisType(i + 1), type);
        }
        for (var i = 0; i < raw.Interventions.Count; i++)
        {
            if (raw.Interventions[i].Code is { } code)
                yield return new(InterventionCode(i + 1), code);
            if (raw.Interventions[i].Date is { } date)
                yield return new(InterventionDate(i + 1), date);
        }
    }
}
