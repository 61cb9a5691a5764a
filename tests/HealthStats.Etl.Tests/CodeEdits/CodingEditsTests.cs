using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Validation;
using HealthStats.TestSupport;

namespace HealthStats.Etl.Tests.CodeEdits;

/// <summary>One test per coding edit, on codes taken from the CMS MCE v37 table file as imported.</summary>
public sealed class CodingEditsTests(MceEditWarehouse mce) : IClassFixture<MceEditWarehouse>
{
    private const string Mrdx = "J18.9";

    private ValidationResult Validate(string sex, int age, string[] diagnoses, string[]? interventions = null, string discharge = "2024-05-06",
        bool withoutEditTables = false)
    {
        var admit = DateOnly.ParseExact(discharge, "yyyy-MM-dd").AddDays(-5);
        var raw = new RawAbstract
        {
            Line = 2,
            RawText = "raw",
            FacilityId = "F001",
            AbstractId = "A1",
            ChartNumber = "C123",
            Sex = sex,
            BirthDate = admit.AddYears(-age).AddDays(-1).ToString("yyyy-MM-dd"),
            AdmitDate = admit.ToString("yyyy-MM-dd"),
            DischargeDate = discharge,
            AdmitCategory = age == 0 ? "N" : "U",
            DischargeDisposition = "05",
            CoderId = "C01",
        };
        for (var i = 0; i < diagnoses.Length; i++)
            raw.Diagnoses.Add((diagnoses[i], i == 0 ? "M" : "3"));
        foreach (var px in interventions ?? [])
            raw.Interventions.Add((px, admit.AddDays(1).ToString("yyyy-MM-dd")));
        var result = new AbstractValidator(mce.CodeLists, mce.Classification, edits: withoutEditTables ? null : mce.Edits).Validate(raw);
        Assert.False(result.IsRejected, string.Join("; ", result.Issues));
        return result;
    }

    private static ValidationIssue Single(ValidationResult result, ValidationRule rule) => Assert.Single(result.Issues, i => i.Rule == rule);

    private static void None(ValidationResult result, ValidationRule rule) => Assert.DoesNotContain(result.Issues, i => i.Rule == rule);

    private string First(string mceType) => mce.First[mceType];

    [SharedDataFact]
    public void SexConflict_NamesTheCodeAndTheSex_WhenAMaleOnlyDiagnosisIsOnAFemale()
    {
        var issue = Single(Validate("F", 60, [Mrdx, "N400"]), ValidationRules.SexConflict);

        Assert.Equal("dx_2_code", issue.Field);
        Assert.Equal("N40.0 is a diagnosis for males only; the patient is F (edit table MCE-v37)", issue.Message);
        Assert.Equal(Severity.Warning, issue.Severity);
    }

    [SharedDataFact]
    public void SexConflict_Warns_WhenAFemaleOnlyDiagnosisIsOnAMale()
    {
        var code = First("Female_Only D");

        Assert.Equal("dx_2_code", Single(Validate("M", 30, [Mrdx, code]), ValidationRules.SexConflict).Field);
        None(Validate("F", 30, [Mrdx, code]), ValidationRules.SexConflict);
    }

    [SharedDataFact]
    public void SexConflict_Warns_WhenAFemaleOnlyInterventionIsOnAMale()
    {
        var code = First("Female_Only P");

        var issue = Single(Validate("M", 30, [Mrdx], [code]), ValidationRules.SexConflict);

        Assert.Equal("px_1_code", issue.Field);
        Assert.StartsWith($"{code} is an intervention for females only; the patient is M", issue.Message, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void SexConflict_Warns_WhenAMaleOnlyInterventionIsOnAFemale()
    {
        var code = First("Male_Only P");

        Assert.Equal("px_1_code", Single(Validate("F", 30, [Mrdx], [code]), ValidationRules.SexConflict).Field);
        None(Validate("M", 30, [Mrdx], [code]), ValidationRules.SexConflict);
    }

    [SharedDataFact]
    public void SexConflict_DoesNotWarn_WhenTheSexIsUnknownOrOther()
    {
        None(Validate("U", 60, [Mrdx, "N400"]), ValidationRules.SexConflict);
        None(Validate("O", 60, [Mrdx, "N400"]), ValidationRules.SexConflict);
    }

    [SharedDataTheory]
    [InlineData("Newborn_Only D", 0, false, "newborn")]
    [InlineData("Newborn_Only D", 1, true, "newborn")]
    [InlineData("Pediatric_Only D", 17, false, "pediatric")]
    [InlineData("Pediatric_Only D", 18, true, "pediatric")]
    [InlineData("Maternity_Only D", 11, true, "maternity")]
    [InlineData("Maternity_Only D", 12, false, "maternity")]
    [InlineData("Maternity_Only D", 55, false, "maternity")]
    [InlineData("Maternity_Only D", 56, true, "maternity")]
    [InlineData("Adult_Only D", 14, true, "adult")]
    [InlineData("Adult_Only D", 15, false, "adult")]
    public void AgeConflict_WarnsOutsideTheMceAgeRange_OfTheCodesList(string mceType, int age, bool warns, string kind)
    {
        var code = First(mceType);

        var result = Validate("F", age, [Mrdx, code]);

        if (!warns)
        {
            None(result, ValidationRules.AgeConflict);
            return;
        }
        var issue = Single(result, ValidationRules.AgeConflict);
        Assert.Equal("dx_2_code", issue.Field);
        Assert.Contains($"is a {kind} diagnosis", issue.Message.Replace("an adult", "a adult", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"the patient is {age} at admission", issue.Message, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void AgeConflict_NamesTheRange_WhenANewbornCodeIsOnAnAdult()
    {
        var issue = Single(Validate("M", 45, [Mrdx, "Z38.00"]), ValidationRules.AgeConflict);

        Assert.Equal("Z38.00 is a newborn diagnosis (age 0); the patient is 45 at admission (edit table MCE-v37)", issue.Message);
    }

    [SharedDataFact]
    public void ManifestationAsMrdx_Warns_WhenTheMrdxIsAManifestationCode()
    {
        var code = First("Principal_Manifestation D");

        var issue = Single(Validate("F", 60, [code, Mrdx]), ValidationRules.ManifestationAsMrdx);

        Assert.Equal("dx_1_code", issue.Field);
        Assert.Contains("is a manifestation of an underlying disease", issue.Message, StringComparison.Ordinal);
        None(Validate("F", 60, [Mrdx, code]), ValidationRules.ManifestationAsMrdx);
    }

    [SharedDataFact]
    public void UnacceptableMrdx_Warns_WhenTheMrdxIsNotAcceptableAsOne()
    {
        var code = First("Principal_Unacceptable D");

        var issue = Single(Validate("F", 60, [code, Mrdx]), ValidationRules.UnacceptableMrdx);

        Assert.Equal("dx_1_code", issue.Field);
        Assert.Contains("is not acceptable as the most responsible diagnosis", issue.Message, StringComparison.Ordinal);
        None(Validate("F", 60, [Mrdx, code]), ValidationRules.UnacceptableMrdx);
    }

    [SharedDataFact]
    public void QuestionableAdmission_Warns_WhenTheMrdxIsInTheQuestionableAdmissionList()
    {
        var code = First("Principal_Questionable_Admit D");

        var issue = Single(Validate("F", 60, [code, Mrdx]), ValidationRules.QuestionableAdmission);

        Assert.Equal("dx_1_code", issue.Field);
        Assert.Contains("questionable reason for an inpatient admission", issue.Message, StringComparison.Ordinal);
        None(Validate("F", 60, [Mrdx, code]), ValidationRules.QuestionableAdmission);
    }

    [SharedDataFact]
    public void ExternalCauseAsMrdx_Warns_WithoutAnyEditTable_WhenTheMrdxIsInChapter20()
    {
        var issue = Single(Validate("M", 40, ["W01.0XXA", "S72.001A"], withoutEditTables: true), ValidationRules.ExternalCauseAsMrdx);

        Assert.Equal("dx_1_code", issue.Field);
        Assert.StartsWith("W01.0XXA is an external cause of injury (chapter 20, V00-Y99)", issue.Message, StringComparison.Ordinal);
        None(Validate("M", 40, ["S72.001A", "W01.0XXA"], withoutEditTables: true), ValidationRules.ExternalCauseAsMrdx);
    }

    [SharedDataFact]
    public void Edits_FollowTheTableInForce_OnTheDischargeDate()
    {
        // MCE v37 takes effect on 2019-10-01: before it no edit table is in force in this warehouse.
        None(Validate("F", 60, [Mrdx, "N400"], discharge: "2019-09-30"), ValidationRules.SexConflict);
        Single(Validate("F", 60, [Mrdx, "N400"], discharge: "2019-10-01"), ValidationRules.SexConflict);
    }

    [SharedDataFact]
    public void Edits_AreWarnings_ThatLeaveTheKeptRulesAsTheyAre()
    {
        var rules = ValidationRules.All.Where(r => r.Level == "edit").ToList();

        Assert.Equal(["E01", "E02", "E03", "E04", "E05", "E06"], rules.Select(r => r.Id));
        Assert.All(rules, r => Assert.Equal(Severity.Warning, r.Severity));
        Assert.Equal(Severity.Error, ValidationRules.CodeNotInClassification.Severity);
        Assert.Equal(Severity.Warning, ValidationRules.CodeNotBillable.Severity);
        Assert.Equal(Severity.Error, ValidationRules.DuplicateCode.Severity);
        Assert.Equal(Severity.Error, ValidationRules.MrdxCount.Severity);
    }
}
