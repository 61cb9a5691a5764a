using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Derivation;
using HealthStats.Etl.Landing;

namespace HealthStats.Etl.Deidentification;

/// <summary>Turns a validated abstract into its landed form: the one place where personal data is dropped.</summary>
public sealed class Deidentifier(Pseudonymiser pseudonymiser)
{
    public LandedAbstract Deidentify(ValidAbstract source)
    {
        var mrdx = source.Diagnoses.Find(d => d.Type == "M")
            ?? throw new InvalidOperationException("A valid abstract has exactly one MRDx.");
        return new LandedAbstract
        {
            SourceLine = source.Line,
            FacilityId = source.FacilityId,
            AbstractId = source.AbstractId,
            PatientKey = pseudonymiser.PatientKey(source.FacilityId, source.ChartNumber, source.HealthCardNumber),
            ChartKey = pseudonymiser.ChartKey(source.FacilityId, source.ChartNumber),
            Sex = source.Sex!,
            AgeYears = source.AgeYears,
            AgeGroup = AgeGroups.FiveYear(source.AgeYears),
            Fsa = PostalCodes.Fsa(source.PostalCode),
            ResidenceRegion = source.ResidenceRegion,
            AdmitDate = source.AdmitDate,
            AdmitTime = source.AdmitTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            DischargeDate = source.DischargeDate,
            DischargeTime = source.DischargeTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            LosDays = source.DischargeDate.DayNumber - source.AdmitDate.DayNumber,
            FiscalYear = FiscalYear.Of(source.DischargeDate),
            AdmitCategory = source.AdmitCategory!,
            DischargeDisposition = source.DischargeDisposition!,
            InstitutionFrom = source.InstitutionFrom,
            InstitutionTo = source.InstitutionTo,
            AlcDays = source.AlcDays,
            CoderId = source.CoderId!,
            AbstractCompletedDate = source.AbstractCompletedDate,
            MrdxCode = mrdx.Code,
            MrdxChapter = mrdx.Chapter,
            MrdxBlock = mrdx.Block,
        };
    }
}
