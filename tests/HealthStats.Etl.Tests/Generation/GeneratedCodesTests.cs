using HealthStats.Etl.Generation;
using HealthStats.Etl.Generation.Profiles;
using HealthStats.TestSupport;

namespace HealthStats.Etl.Tests.Generation;

/// <summary>The generator's codes against the CMS FY2026 code sets and the MCE edits in ../shared/data.</summary>
[Collection(GeneratedSampleCollection.Name)]
public sealed class GeneratedCodesTests
{
    private readonly GeneratedSample _sample;

    public GeneratedCodesTests(GeneratedSample sample)
    {
        _sample = sample;
    }

    private static CmsCodeSets Cms => CmsCodeSets.Instance;

    private static string U(string code) => CmsCodeSets.Undotted(code);

    [SharedDataFact]
    public void EmittedDiagnoses_AreBillable_UnlessAnInvalidOrHeaderCodeWasInjected()
    {
        foreach (var r in _sample.Rows)
        {
            var missing = r.Diagnoses.Where(d => !Cms.Diagnoses.ContainsKey(U(d.Code))).ToList();
            var headers = r.Diagnoses.Where(d => Cms.Diagnoses.TryGetValue(U(d.Code), out var e) && !e.Billable).ToList();
            Assert.Equal(r.ErrorType == ErrorTypes.InvalidCode ? 1 : 0, missing.Count);
            Assert.Equal(r.ErrorType == ErrorTypes.NonspecificCode ? 1 : 0, headers.Count);
            Assert.All(r.Diagnoses, d => Assert.Matches("^[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$", d.Code));
        }
    }

    [SharedDataFact]
    public void EmittedInterventions_AreValid_WhenCheckedAgainstPcsFy2026()
    {
        Assert.All(_sample.Rows.SelectMany(r => r.Interventions), p => Assert.True(Cms.IsBillableIntervention(p.Code), p.Code));
        Assert.Contains(_sample.Rows, r => r.Interventions.Count > 0);
    }

    [SharedDataFact]
    public void InvalidCodes_AreAbsent_WhenLookedUpInTheOrderFile()
    {
        foreach (var code in ErrorCodeLists.InvalidCodes)
        {
            Assert.False(Cms.Diagnoses.ContainsKey(U(code)), $"{code} exists in ICD-10-CM FY2026");
            Assert.Matches("^[A-Z][0-9][0-9A-Z]\\.[0-9A-Z]{1,4}$", code);
        }
    }

    [SharedDataFact]
    public void CatalogCodes_AreBillable_UnlessTheyAreHeaders()
    {
        Assert.All(CodeCatalog.Diagnoses(), c => Assert.True(Cms.IsBillableDiagnosis(c), c));
        Assert.All(CodeCatalog.Headers(), c => Assert.False(Cms.Diagnoses[c].Billable, c));
        Assert.All(CodeCatalog.Interventions(), c => Assert.True(Cms.IsBillableIntervention(c), c));
        // Codes with a dot carry it after the third character, as ICD-10-CM writes them.
        Assert.All(CodeCatalog.Diagnoses(), c => Assert.True(c.Length == 3 || c[3] == '.', c));
    }

    [SharedDataFact]
    public void Transpositions_GiveBillableCodes_WhenTwoAdjacentCharactersAreSwapped()
    {
        foreach (var (from, to) in ErrorCodeLists.Transpositions)
        {
            Assert.True(Cms.IsBillableDiagnosis(from), from);
            Assert.True(Cms.IsBillableDiagnosis(to), to);
            string a = U(from), b = U(to);
            var differences = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
            Assert.Equal(a.Length, b.Length);
            Assert.Equal(2, differences.Count);
            Assert.Equal(differences[0] + 1, differences[1]);
            Assert.Equal((a[differences[0]], a[differences[1]]), (b[differences[1]], b[differences[0]]));
            // The result must not add a sex or age conflict of its own.
            foreach (var edit in new[] { "Female_Only", "Male_Only", "Adult_Only", "Pediatric_Only", "Newborn_Only", "Maternity_Only" })
                Assert.True(!Cms.Edit('D', edit).Contains(b) || Cms.Edit('D', edit).Contains(a), $"{to} is {edit}, {from} is not");
        }
    }

    [SharedDataFact]
    public void ConflictCodes_CarryTheirMceEdit_WhenLookedUp()
    {
        Assert.All(ErrorCodeLists.FemaleOnly, c => Assert.Contains(U(c), Cms.Edit('D', "Female_Only")));
        Assert.All(ErrorCodeLists.MaleOnly, c => Assert.Contains(U(c), Cms.Edit('D', "Male_Only")));
        Assert.All(ErrorCodeLists.Maternity, c => Assert.Contains(U(c), Cms.Edit('D', "Maternity_Only")));
        Assert.All(ErrorCodeLists.AdultOnly, c => Assert.Contains(U(c), Cms.Edit('D', "Adult_Only")));
        Assert.All(ErrorCodeLists.NewbornOnly, c => Assert.True(c[0] == 'P' || Cms.Edit('D', "Newborn_Only").Contains(U(c)), c));
        // Sex conflicts must not be age conflicts too.
        Assert.All(ErrorCodeLists.FemaleOnly.Concat(ErrorCodeLists.MaleOnly), c => Assert.DoesNotContain(U(c), Cms.Edit('D', "Maternity_Only")));
        Assert.All(ErrorCodeLists.MismatchedInterventions, c =>
        {
            Assert.DoesNotContain(c, Cms.Edit('P', "Female_Only"));
            Assert.DoesNotContain(c, Cms.Edit('P', "Male_Only"));
        });
    }

    [SharedDataFact]
    public void Substitutes_AreBillableAcceptableMrdx_WhenReplacingTheMrdx()
    {
        foreach (var profile in ProfileCatalog.All)
        {
            foreach (var variant in profile.Variants)
            {
                Assert.NotEmpty(variant.Substitutes);
                Assert.All(variant.Substitutes, c =>
                {
                    Assert.True(Cms.IsBillableDiagnosis(c), c);
                    Assert.NotEqual(variant.Code, c);
                    Assert.DoesNotContain(U(c), Cms.Edit('D', "Principal_Unacceptable"));
                });
            }
        }
    }

    [SharedDataFact]
    public void Abstracts_HaveNoSexOrAgeConflict_WhenNoneWasInjected()
    {
        foreach (var r in _sample.Rows.Where(r => r.ErrorType is not (ErrorTypes.SexConflict or ErrorTypes.AgeConflict)))
        {
            foreach (var (code, _) in r.Diagnoses)
            {
                var c = U(code);
                Assert.False(r.Sex == "M" && Cms.Edit('D', "Female_Only").Contains(c), $"{r.AbstractId}: {code} on a male");
                Assert.False(r.Sex == "F" && Cms.Edit('D', "Male_Only").Contains(c), $"{r.AbstractId}: {code} on a female");
                Assert.False(r.Age > 0 && (Cms.Edit('D', "Newborn_Only").Contains(c) || c[0] == 'P'), $"{r.AbstractId}: {code} at age {r.Age}");
                Assert.False(r.Age is < 12 or > 55 && Cms.Edit('D', "Maternity_Only").Contains(c), $"{r.AbstractId}: {code} at age {r.Age}");
                Assert.False(r.Age < 15 && Cms.Edit('D', "Adult_Only").Contains(c), $"{r.AbstractId}: {code} at age {r.Age}");
                Assert.False(r.Age > 17 && Cms.Edit('D', "Pediatric_Only").Contains(c), $"{r.AbstractId}: {code} at age {r.Age}");
            }
            foreach (var (code, _) in r.Interventions)
            {
                Assert.False(r.Sex == "M" && Cms.Edit('P', "Female_Only").Contains(code), $"{r.AbstractId}: {code} on a male");
                Assert.False(r.Sex == "F" && Cms.Edit('P', "Male_Only").Contains(code), $"{r.AbstractId}: {code} on a female");
            }
            if (r.ErrorType is not (ErrorTypes.InvalidCode or ErrorTypes.NonspecificCode))
            {
                var mrdx = U(r.Mrdx);
                Assert.DoesNotContain(mrdx, Cms.Edit('D', "Principal_Unacceptable"));
                Assert.DoesNotContain(mrdx, Cms.Edit('D', "Principal_Manifestation"));
            }
        }
    }

    [SharedDataFact]
    public void MiscodedAbstracts_ShowTheirErrorType_WhenComparedWithTheTruth()
    {
        foreach (var r in _sample.Rows.Where(r => r.IsMiscoded))
        {
            var truth = r.CorrectedCodes.Split(';').Select(p => (Code: p[..p.IndexOf(':', StringComparison.Ordinal)], Type: p[(p.IndexOf(':', StringComparison.Ordinal) + 1)..])).ToList();
            var added = r.Diagnoses.Select(d => d.Code).Except(truth.Select(t => t.Code)).ToList();
            var trueMrdx = truth.Single(t => t.Type == "M").Code;
            switch (r.ErrorType)
            {
                case ErrorTypes.InvalidCode:
                    Assert.Single(added);
                    Assert.Contains(added[0], ErrorCodeLists.InvalidCodes);
                    break;
                case ErrorTypes.NonspecificCode:
                    Assert.Single(added);
                    Assert.Contains(truth, t => t.Code.StartsWith(added[0], StringComparison.Ordinal) && t.Code.Length > 3);
                    break;
                case ErrorTypes.SexConflict:
                    Assert.Single(added);
                    Assert.Contains(U(added[0]), Cms.Edit('D', r.Sex == "M" ? "Female_Only" : "Male_Only"));
                    break;
                case ErrorTypes.AgeConflict:
                    Assert.Single(added);
                    Assert.Contains(added[0], r.Age < 15 ? ErrorCodeLists.AdultOnly : ErrorCodeLists.NewbornOnly.Concat(ErrorCodeLists.Maternity));
                    break;
                case ErrorTypes.MrdxSequencing:
                    Assert.Empty(added);
                    Assert.NotEqual(trueMrdx, r.Mrdx);
                    Assert.Contains((trueMrdx, "1"), r.Diagnoses);
                    Assert.DoesNotContain(U(r.Mrdx), Cms.Edit('D', "Principal_Unacceptable"));
                    break;
                case ErrorTypes.CodeSubstitution:
                    Assert.Equal([r.Mrdx], added);
                    Assert.True(Cms.IsBillableDiagnosis(r.Mrdx));
                    break;
                case ErrorTypes.Transposition:
                    Assert.Single(added);
                    Assert.Contains(added[0], ErrorCodeLists.Transpositions.Values);
                    break;
                case ErrorTypes.ProcedureMismatch:
                    Assert.Empty(added);
                    Assert.Contains(r.Interventions, p => ErrorCodeLists.MismatchedInterventions.Contains(p.Code));
                    break;
                default:
                    Assert.Fail(r.ErrorType);
                    break;
            }
        }
    }

    [SharedDataFact]
    public void ChronicAndProfileCodes_CanLeadAnAbstract_WhenSequencedFirst()
    {
        // mrdx_sequencing promotes type 1 and 2 codes: none of those it may choose is unacceptable as MRDx.
        var promotable = _sample.Rows.SelectMany(r => r.Diagnoses).Where(d => d.Type is "1" or "2")
            .Select(d => d.Code).Distinct().Where(CodeCatalog.IsAcceptableMrdx);
        foreach (var code in promotable)
        {
            Assert.DoesNotContain(U(code), Cms.Edit('D', "Principal_Unacceptable"));
            Assert.DoesNotContain(U(code), Cms.Edit('D', "Principal_Manifestation"));
            Assert.DoesNotContain(U(code), Cms.Edit('D', "Principal_Questionable_Admit"));
        }
    }
}
