using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Validation;

namespace HealthStats.Etl.Tests.Ingest;

public sealed class AbstractValidatorTests(TinyClassification classification) : IClassFixture<TinyClassification>
{
    private ValidationResult Validate(Action<RawAbstract>? change = null)
    {
        var raw = new RawAbstract
        {
            Line = 2,
            RawText = "raw",
            FacilityId = "F001",
            AbstractId = "A1",
            ChartNumber = "C123",
            HealthCardNumber = "9876543210",
            Sex = "F",
            BirthDate = "1950-06-15",
            PostalCode = "K1A 0B1",
            AdmitDate = "2024-05-01",
            AdmitTime = "08:30",
            DischargeDate = "2024-05-06",
            DischargeTime = "14:00",
            AdmitCategory = "U",
            DischargeDisposition = "05",
            AlcDays = "0",
            CoderId = "C01",
        };
        raw.Diagnoses.Add(("J18.9", "M"));
        raw.Diagnoses.Add(("I10", "1"));
        raw.Diagnoses.Add((null, null));
        raw.Interventions.Add(("5A1955Z", "2024-05-02"));
        change?.Invoke(raw);
        return new AbstractValidator(classification.CodeLists, classification.Snapshot).Validate(raw);
    }

    private static ValidationIssue SingleError(ValidationResult result, ValidationRule rule)
    {
        Assert.True(result.IsRejected);
        return Assert.Single(result.Issues, i => i.Rule == rule);
    }

    [Fact]
    public void Validate_TypesTheAbstract_WhenEverythingIsRight()
    {
        var result = Validate();

        Assert.False(result.IsRejected);
        Assert.Empty(result.Issues);
        var valid = result.Abstract!;
        Assert.Equal(73, valid.AgeYears);
        Assert.Equal(["J189", "I10"], valid.Diagnoses.Select(d => d.Code));
        Assert.Equal(new DateOnly(2024, 5, 2), Assert.Single(valid.Interventions).Date);
    }

    [Fact]
    public void Malformed_Rejects_WhenTheRecordCouldNotBeSplit()
    {
        var raw = new RawAbstract { Line = 9, RawText = "x", StructureError = "the record has 3 fields where the header has 12" };
        var result = new AbstractValidator(classification.CodeLists, classification.Snapshot).Validate(raw);

        Assert.Equal(ValidationRules.Malformed, Assert.Single(result.Issues).Rule);
    }

    [Theory]
    [InlineData("facility_id")]
    [InlineData("abstract_id")]
    [InlineData("chart_number")]
    [InlineData("sex")]
    [InlineData("birth_date")]
    [InlineData("admit_date")]
    [InlineData("discharge_date")]
    [InlineData("admit_category")]
    [InlineData("discharge_disposition")]
    [InlineData("coder_id")]
    public void RequiredMissing_NamesTheField_WhenItIsEmpty(string field)
    {
        var property = typeof(RawAbstract).GetProperties().Single(p => p.Name.Equals(field.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        var result = Validate(r => property.SetValue(r, "  "));

        Assert.Contains(result.Issues, i => i.Rule == ValidationRules.RequiredMissing && i.Field == field);
        Assert.True(result.IsRejected);
    }

    [Theory]
    [InlineData("2023-02-30")]
    [InlineData("2024/05/01")]
    [InlineData("0001-01-01")]
    [InlineData("yesterday")]
    public void InvalidDate_Rejects_WhenTheDateIsNotReal(string date)
    {
        var issue = SingleError(Validate(r => r.AdmitDate = date), ValidationRules.InvalidDate);

        Assert.Equal("admit_date", issue.Field);
    }

    [Fact]
    public void InvalidDate_DoesNotRepeatTheBirthDate_InItsMessage()
    {
        var issue = SingleError(Validate(r => r.BirthDate = "1950-13-45"), ValidationRules.InvalidDate);

        Assert.DoesNotContain("1950-13-45", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidTime_Rejects_WhenTheTimeIsNot24Hour()
    {
        Assert.Equal("admit_time", SingleError(Validate(r => r.AdmitTime = "8:30 PM"), ValidationRules.InvalidTime).Field);
    }

    [Theory]
    [InlineData("sex", "X")]
    [InlineData("admit_category", "Z")]
    [InlineData("discharge_disposition", "99")]
    public void NotInCodeList_Rejects_WhenACodedFieldHasAnUnknownValue(string field, string value)
    {
        var property = typeof(RawAbstract).GetProperties().Single(p => p.Name.Equals(field.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));

        Assert.Equal(field, SingleError(Validate(r => property.SetValue(r, value)), ValidationRules.NotInCodeList).Field);
    }

    [Fact]
    public void NotInCodeList_Rejects_WhenADiagnosisTypeIsUnknown()
    {
        Assert.Equal("dx_2_type", SingleError(Validate(r => r.Diagnoses[1] = ("I10", "Q")), ValidationRules.NotInCodeList).Field);
    }

    [Fact]
    public void NotInCodeList_Rejects_WhenTheActionIsUnknown()
    {
        Assert.Equal("action", SingleError(Validate(r => r.Action = "X"), ValidationRules.NotInCodeList).Field);
    }

    [Fact]
    public void TooLong_Rejects_WhenTheFacilityIdExceeds10Characters()
    {
        Assert.Equal("facility_id", SingleError(Validate(r => r.FacilityId = "F0123456789"), ValidationRules.TooLong).Field);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("lots")]
    public void InvalidNumber_Rejects_WhenAlcDaysIsNotAWholeNumber(string alc)
    {
        Assert.Equal("alc_days", SingleError(Validate(r => r.AlcDays = alc), ValidationRules.InvalidNumber).Field);
    }

    [Fact]
    public void IncompletePair_Rejects_WhenADiagnosisHasNoType()
    {
        Assert.Equal("dx_2_type", SingleError(Validate(r => r.Diagnoses[1] = ("I10", null)), ValidationRules.IncompletePair).Field);
    }

    [Fact]
    public void IncompletePair_Rejects_WhenAnInterventionHasNoDate()
    {
        Assert.Contains(Validate(r => r.Interventions[0] = ("5A1955Z", null)).Issues,
            i => i.Rule == ValidationRules.RequiredMissing && i.Field == "px_1_date");
    }

    [Fact]
    public void DischargeBeforeAdmit_Rejects()
    {
        SingleError(Validate(r => r.DischargeDate = "2024-04-30"), ValidationRules.DischargeBeforeAdmit);
    }

    [Fact]
    public void BirthAfterAdmit_Rejects()
    {
        SingleError(Validate(r => r.BirthDate = "2024-05-02"), ValidationRules.BirthAfterAdmit);
    }

    [Fact]
    public void AgeOutOfRange_Rejects_WhenOlderThan124()
    {
        SingleError(Validate(r => r.BirthDate = "1899-01-01"), ValidationRules.AgeOutOfRange);
    }

    [Fact]
    public void AgeOutOfRange_Accepts_Age124()
    {
        Assert.False(Validate(r => r.BirthDate = "1900-01-01").IsRejected);
    }

    [Fact]
    public void MrdxCount_Rejects_WhenThereIsNoTypeM()
    {
        SingleError(Validate(r => r.Diagnoses[0] = ("J18.9", "1")), ValidationRules.MrdxCount);
    }

    [Fact]
    public void MrdxCount_Rejects_WhenThereAreTwoTypeM()
    {
        SingleError(Validate(r => r.Diagnoses[1] = ("I10", "M")), ValidationRules.MrdxCount);
    }

    [Fact]
    public void DuplicateCode_Rejects_WhenADiagnosisRepeatsInAnotherSpelling()
    {
        Assert.Equal("dx_3_code", SingleError(Validate(r => r.Diagnoses[2] = ("j18.9 ", "3")), ValidationRules.DuplicateCode).Field);
    }

    [Fact]
    public void NewbornCategoryAge_Rejects_WhenAnAdultIsAdmittedAsNewborn()
    {
        SingleError(Validate(r => r.AdmitCategory = "N"), ValidationRules.NewbornCategoryAge);
    }

    [Fact]
    public void NewbornCategoryAge_Accepts_ANewbornAtAgeZero()
    {
        Assert.False(Validate(r => { r.AdmitCategory = "N"; r.BirthDate = "2024-05-01"; }).IsRejected);
    }

    [Fact]
    public void InterventionOutsideStay_Rejects_WhenDatedAfterTheToleranceAfterDischarge()
    {
        SingleError(Validate(r => r.Interventions[0] = ("5A1955Z", "2024-05-08")), ValidationRules.InterventionOutsideStay);
    }

    [Fact]
    public void InterventionOutsideStay_Accepts_WithinTheTolerance()
    {
        Assert.False(Validate(r => r.Interventions[0] = ("5A1955Z", "2024-04-30")).IsRejected);
    }

    [Fact]
    public void AlcExceedsStay_Rejects()
    {
        SingleError(Validate(r => r.AlcDays = "6"), ValidationRules.AlcExceedsStay);
    }

    [Fact]
    public void CodeNotInClassification_Rejects_ACodeThatDoesNotExist()
    {
        var issue = SingleError(Validate(r => r.Diagnoses[1] = ("I99.9", "1")), ValidationRules.CodeNotInClassification);

        Assert.Equal("dx_2_code", issue.Field);
        Assert.Contains("TEST-DX", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CodeNotInClassification_Rejects_AnUnknownIntervention()
    {
        Assert.Equal("px_1_code", SingleError(Validate(r => r.Interventions[0] = ("0DTJ4ZX", "2024-05-02")), ValidationRules.CodeNotInClassification).Field);
    }

    [Fact]
    public void CodeNotInClassification_FollowsTheVersionInForceAtDischarge()
    {
        Assert.False(Validate(r => r.Diagnoses[1] = ("B88.01", "3")).IsRejected);
        SingleError(Validate(r => { r.Diagnoses[1] = ("B88.01", "3"); r.AdmitDate = "2025-10-01"; r.DischargeDate = "2025-10-02"; r.Interventions.Clear(); }),
            ValidationRules.CodeNotInClassification);
    }

    [Fact]
    public void CodeNotBillable_WarnsButLoads_WhenTheCodeIsACategory()
    {
        var result = Validate(r => r.Diagnoses[0] = ("J18", "M"));

        Assert.False(result.IsRejected);
        Assert.Equal(ValidationRules.CodeNotBillable, Assert.Single(result.Issues).Rule);
    }

    [Fact]
    public void Deletion_NeedsOnlyItsKey()
    {
        var raw = new RawAbstract { Line = 3, RawText = "F001,A1,D", FacilityId = "F001", AbstractId = "A1", Action = "d" };
        var result = new AbstractValidator(classification.CodeLists, classification.Snapshot).Validate(raw);

        Assert.True(result.Abstract!.IsDeletion);
    }

    [Fact]
    public void Validate_ReportsEveryProblem_NotOnlyTheFirst()
    {
        var result = Validate(r => { r.Sex = "X"; r.AdmitCategory = "Z"; r.Diagnoses[1] = ("I99.9", "1"); });

        Assert.Equal(3, result.Issues.Count);
    }
}
