using System.Text;
using HealthStats.Etl.Generation;
using HealthStats.TestSupport;

namespace HealthStats.Etl.Tests.Generation;

[Collection(GeneratedSampleCollection.Name)]
public sealed class AbstractGeneratorTests
{
    private static readonly DateOnly PeriodStart = new(2023, 4, 1);
    private static readonly DateOnly PeriodEnd = new(2026, 3, 31);

    private readonly GeneratedSample _sample;

    public AbstractGeneratorTests(GeneratedSample sample)
    {
        _sample = sample;
    }

    private static (string Abstracts, string Truth, GeneratorResult Result) Run(GeneratorOptions options)
    {
        var abstracts = new StringWriter();
        var truth = new StringWriter();
        var result = AbstractGenerator.Generate(options, abstracts, truth);
        return (abstracts.ToString(), truth.ToString(), result);
    }

    [Fact]
    public void Generate_WritesIdenticalBytes_WhenSeedIsTheSame()
    {
        var options = new GeneratorOptions(3_000, Seed: 99, ErrorRate: 0.2);
        var first = Run(options);
        var second = Run(options with { });
        Assert.Equal(first.Abstracts, second.Abstracts);
        Assert.Equal(first.Truth, second.Truth);
    }

    [Fact]
    public void Generate_WritesDifferentAbstracts_WhenSeedDiffers()
    {
        var first = Run(new GeneratorOptions(2_000, Seed: 1));
        var second = Run(new GeneratorOptions(2_000, Seed: 2));
        Assert.NotEqual(first.Abstracts, second.Abstracts);
    }

    [Fact]
    public void Generate_KeepsTheTrueCoding_WhenOnlyTheErrorRateChanges()
    {
        var cleanRun = Run(new GeneratorOptions(3_000, Seed: 5));
        var dirtyRun = Run(new GeneratorOptions(3_000, Seed: 5, ErrorRate: 0.5));
        var clean = GeneratedAbstract.Parse(cleanRun.Abstracts, cleanRun.Truth);
        var dirty = GeneratedAbstract.Parse(dirtyRun.Abstracts, dirtyRun.Truth);
        Assert.Equal(0, cleanRun.Result.Miscoded);
        Assert.Equal(clean.Count, dirty.Count);
        for (var i = 0; i < clean.Count; i++)
        {
            Assert.Equal(
                (clean[i].FacilityId, clean[i].AbstractId, clean[i].HealthCardNumber, clean[i].AdmitDate, clean[i].DischargeDate),
                (dirty[i].FacilityId, dirty[i].AbstractId, dirty[i].HealthCardNumber, dirty[i].AdmitDate, dirty[i].DischargeDate));
            if (dirty[i].IsMiscoded)
            {
                Assert.Equal(Coding(clean[i]), dirty[i].CorrectedCodes);
                Assert.NotEqual(Signature(clean[i]), Signature(dirty[i]));
            }
            else
            {
                Assert.Equal(Signature(clean[i]), Signature(dirty[i]));
            }
        }
        Assert.InRange(dirty.Count(r => r.IsMiscoded), 1_300, 1_700);
    }

    private static string Coding(GeneratedAbstract a) => string.Join(';', a.Diagnoses.Select(d => d.Code + ":" + d.Type));

    private static string Signature(GeneratedAbstract a) =>
        Coding(a) + "|" + string.Join(';', a.Interventions.Select(p => p.Code + "@" + p.Date.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Header_ListsEveryColumnInOrder_WhenFilesAreWritten()
    {
        var expected = new List<string>
        {
            "facility_id", "abstract_id", "action", "chart_number", "health_card_number", "sex", "birth_date", "postal_code",
            "residence_region", "admit_date", "admit_time", "discharge_date", "discharge_time", "admit_category",
            "discharge_disposition", "institution_from", "institution_to", "alc_days", "coder_id", "abstract_completed_date",
        };
        for (var i = 1; i <= 25; i++)
            expected.AddRange([$"dx_{i}_code", $"dx_{i}_type"]);
        for (var i = 1; i <= 20; i++)
            expected.AddRange([$"px_{i}_code", $"px_{i}_date"]);

        var header = _sample.AbstractsCsv[.._sample.AbstractsCsv.IndexOf('\n', StringComparison.Ordinal)];
        Assert.Equal(string.Join(',', expected), header);
        var truthHeader = _sample.TruthCsv[.._sample.TruthCsv.IndexOf('\n', StringComparison.Ordinal)];
        Assert.Equal("facility_id,abstract_id,outcome,error_type,corrected_codes,reviewer_id,reviewed_date", truthHeader);
    }

    [Fact]
    public void Generate_WritesUtf8FilesWithoutBomWithLfLineEnds_WhenGivenADirectory()
    {
        using var temp = new TempDirectory("generator");
        var folder = temp.Combine("nested", "out");
        var result = AbstractGenerator.Generate(new GeneratorOptions(500, Seed: 3, ErrorRate: 0.1), folder);

        var bytes = File.ReadAllBytes(Path.Combine(folder, AbstractGenerator.AbstractsFileName));
        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal(501, text.Count(c => c == '\n'));
        var truth = File.ReadAllText(Path.Combine(folder, AbstractGenerator.TruthFileName));
        Assert.Equal(501, truth.Count(c => c == '\n'));
        Assert.Equal(500, result.Abstracts);

        var streamed = Run(new GeneratorOptions(500, Seed: 3, ErrorRate: 0.1));
        Assert.Equal(streamed.Abstracts, text);
    }

    [Theory]
    [InlineData("jsonl", "abstracts.jsonl")]
    [InlineData("fhir", "abstracts.fhir.ndjson")]
    public void Generate_WritesTheSameBytesForTheSameSeed_AndOneLinePerAbstract_InEachJsonFormat(string format, string fileName)
    {
        using var temp = new TempDirectory("generator");
        var options = new GeneratorOptions(300, Seed: 11, ErrorRate: 0.1, Format: format);
        AbstractGenerator.Generate(options, temp.Combine("one"));
        AbstractGenerator.Generate(options, temp.Combine("two"));

        var one = File.ReadAllBytes(temp.Combine("one", fileName));
        Assert.Equal(one, File.ReadAllBytes(temp.Combine("two", fileName)));
        Assert.Equal(300, one.Count(b => b == (byte)'\n'));
        Assert.False(File.Exists(temp.Combine("one", AbstractGenerator.AbstractsFileName)));
        // truth.csv does not depend on the format.
        AbstractGenerator.Generate(options with { Format = "csv" }, temp.Combine("csv"));
        Assert.Equal(File.ReadAllBytes(temp.Combine("csv", AbstractGenerator.TruthFileName)), File.ReadAllBytes(temp.Combine("one", AbstractGenerator.TruthFileName)));
    }

    [Fact]
    public void Generate_ThrowsArgumentExceptionNamingTheOption_WhenTheFormatIsUnknown()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => AbstractGenerator.Generate(new GeneratorOptions(10, Seed: 1, Format: "xml"), new StringWriter(), new StringWriter()));
        Assert.Contains("--format", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 5, 3, 0.0, "--abstracts")]
    [InlineData(10, 0, 3, 0.0, "--facilities")]
    [InlineData(10, 1000, 3, 0.0, "--facilities")]
    [InlineData(10, 5, 0, 0.0, "--fiscal-years")]
    [InlineData(10, 5, 3, -0.1, "--error-rate")]
    [InlineData(10, 5, 3, 1.5, "--error-rate")]
    [InlineData(10, 5, 3, double.NaN, "--error-rate")]
    public void Generate_ThrowsArgumentExceptionNamingTheOption_WhenOptionIsOutOfRange(int abstracts, int facilities, int years, double rate, string option)
    {
        var options = new GeneratorOptions(abstracts, Seed: 1, Facilities: facilities, FiscalYears: years, ErrorRate: rate);
        var error = Assert.ThrowsAny<ArgumentException>(() => AbstractGenerator.Generate(options, new StringWriter(), new StringWriter()));
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 5)]
    [InlineData(2, 1)]
    [InlineData(3, 999)]
    [InlineData(17, 1)]
    [InlineData(250, 2)]
    public void Generate_WritesExactlyTheRequestedCount_ForAnyCountAndFacilities(int count, int facilities)
    {
        var run = Run(new GeneratorOptions(count, Seed: 11, Facilities: facilities, FiscalYears: 1, ErrorRate: 0.5));
        var rows = GeneratedAbstract.Parse(run.Abstracts, run.Truth);
        Assert.Equal(count, rows.Count);
        Assert.Equal(count, run.Result.Abstracts);
        Assert.All(rows, r => Assert.InRange(r.DischargeDate, new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31)));
        Assert.All(rows, r => Assert.Equal(1, r.Diagnoses.Count(d => d.Type == "M")));
    }

    [Fact]
    public void Truth_HasOneRowPerAbstract_WhenErrorsAreInjected()
    {
        var rows = _sample.Rows;
        Assert.Equal(GeneratedSample.Options.Abstracts, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => (r.FacilityId, r.AbstractId)).Distinct().Count());
        Assert.All(rows, r => Assert.Contains(r.Outcome, new[] { "correct", "miscoded" }));
        Assert.All(rows.Where(r => !r.IsMiscoded), r => Assert.Equal(("", ""), (r.ErrorType, r.CorrectedCodes)));
        Assert.All(rows.Where(r => r.IsMiscoded), r => Assert.Contains(r.ErrorType, ErrorTypes.All));
        Assert.Equal(_sample.Result.Miscoded, rows.Count(r => r.IsMiscoded));
        foreach (var type in ErrorTypes.All)
            Assert.Equal(_sample.Result.MiscodedByErrorType[type], rows.Count(r => r.ErrorType == type));
        Assert.All(_sample.TruthCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.EndsWith(",GEN,", line, StringComparison.Ordinal));
    }

    [Fact]
    public void ErrorShares_AreNearTheRateAndEvenAcrossTypes_WhenRateIsTenPercent()
    {
        var rows = _sample.Rows;
        var miscoded = rows.Count(r => r.IsMiscoded);
        Assert.InRange(miscoded / (double)rows.Count, 0.09, 0.11);
        foreach (var type in ErrorTypes.All)
        {
            var share = rows.Count(r => r.ErrorType == type) / (double)miscoded;
            Assert.InRange(share, 0.8 / ErrorTypes.All.Length, 1.2 / ErrorTypes.All.Length);
        }
    }

    [Fact]
    public void Abstracts_AreStructurallyValid_EvenWhenMiscoded()
    {
        foreach (var r in _sample.Rows)
        {
            Assert.Equal(1, r.Diagnoses.Count(d => d.Type == "M"));
            Assert.Equal("M", r.Diagnoses[0].Type);
            Assert.Equal(r.Diagnoses.Count, r.Diagnoses.Select(d => d.Code).Distinct().Count());
            Assert.Equal(r.Interventions.Count, r.Interventions.Select(p => p.Code).Distinct().Count());
            Assert.All(r.Diagnoses, d => Assert.Contains(d.Type, new[] { "M", "1", "2", "3", "9", "0" }));
            Assert.InRange(r.Age, 0, 124);
            Assert.True(r.BirthDate <= r.AdmitDate);
            Assert.True(r.AdmitDate <= r.DischargeDate);
            if (r.AdmitDate == r.DischargeDate)
                Assert.True(r.AdmitTime < r.DischargeTime, $"{r.FacilityId} {r.AbstractId} leaves before it arrives");
            Assert.InRange(r.DischargeDate, PeriodStart, PeriodEnd);
            Assert.All(r.Interventions, p => Assert.InRange(p.Date, r.AdmitDate, r.DischargeDate));
            Assert.InRange(r.AlcDays, 0, r.DischargeDate.DayNumber - r.AdmitDate.DayNumber);
            Assert.True(r.CompletedDate > r.DischargeDate);
            Assert.Contains(r.AdmitCategory, new[] { "U", "L", "N" });
            Assert.Contains(r.Disposition, new[] { "01", "02", "03", "04", "05", "06", "07" });
            Assert.Equal(r.Disposition == "01", r.InstitutionTo.Length > 0);
            Assert.Matches("^[0-9]{7}$", r.ChartNumber);
            Assert.Matches("^[1-9][0-9]{9}$", r.HealthCardNumber);
            Assert.Matches("^[KLMNP][0-9][A-Z] [0-9][A-Z][0-9]$", r.PostalCode);
            Assert.Matches("^R0[1-8]$", r.Region);
            Assert.StartsWith(r.FacilityId + "-C", r.CoderId, StringComparison.Ordinal);
            Assert.Matches("^F[0-9]{3}$", r.FacilityId);
        }
    }

    [Fact]
    public void Abstracts_FollowClinicalConventions_WhenCodedCorrectly()
    {
        var correct = _sample.Rows.Where(r => !r.IsMiscoded).ToList();
        foreach (var r in correct)
        {
            if (r.AdmitCategory == "N")
            {
                Assert.Equal(0, r.Age);
                Assert.StartsWith("Z38.", r.Mrdx, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain(r.Diagnoses, d => d.Code.StartsWith("Z38", StringComparison.Ordinal) || d.Type == "0");
            }
            if (r.Diagnoses.Any(d => d.Code.StartsWith('O')))
            {
                Assert.Equal("F", r.Sex);
                Assert.InRange(r.Age, 12, 55);
            }
            if (r.Diagnoses.Any(d => d.Type == "9"))
                Assert.StartsWith("S", r.Mrdx, StringComparison.Ordinal);
            if (r.AlcDays > 0)
                Assert.True(r.Age >= 70);
        }
        Assert.Contains(correct, r => r.AlcDays > 0);
        Assert.Contains(correct, r => r.AdmitCategory == "L");
        Assert.Contains(correct, r => r.Mrdx == "Z51.5" && r.Diagnoses.Any(d => d.Code.StartsWith('C')));
        Assert.Contains(correct, r => (r.CompletedDate.DayNumber - r.DischargeDate.DayNumber) > 30);
        // Urgent admissions make up most of the volume.
        Assert.InRange(correct.Count(r => r.AdmitCategory == "U") / (double)correct.Count, 0.7, 0.9);
    }

    [Fact]
    public void Newborn_IsAbstractedOnTheDeliveryDate_WhenTheMotherDelivers()
    {
        var rows = _sample.Rows;
        var newborns = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var delivery = rows[i].Interventions.FirstOrDefault(p => p.Code is "10E0XZZ" or "10D00Z1");
            if (delivery.Code is not null)
                Assert.Equal("N", rows[i + 1].AdmitCategory);
            if (rows[i].AdmitCategory != "N")
                continue;
            newborns++;
            var baby = rows[i];
            var mother = rows[i - 1];
            Assert.Equal("F", mother.Sex);
            Assert.Equal(mother.FacilityId, baby.FacilityId);
            Assert.Equal(mother.AbstractId[4..8], baby.AbstractId[4..8]);
            Assert.Equal(mother.PostalCode, baby.PostalCode);
            Assert.NotEqual(mother.HealthCardNumber, baby.HealthCardNumber);
            Assert.Equal(0, baby.Age);
            Assert.Equal(baby.BirthDate, baby.AdmitDate);
            Assert.InRange(baby.BirthDate, mother.AdmitDate, mother.DischargeDate);
            var caesarean = mother.Interventions.Any(p => p.Code == "10D00Z1");
            if (mother.ErrorType != ErrorTypes.ProcedureMismatch)
            {
                delivery = mother.Interventions.Single(p => p.Code is "10E0XZZ" or "10D00Z1");
                Assert.Equal(delivery.Date, baby.BirthDate);
                if (!baby.IsMiscoded)
                    Assert.Equal(caesarean ? "Z38.01" : "Z38.00", baby.Mrdx);
            }
        }
        Assert.InRange(newborns, rows.Count / 20, rows.Count / 5);
    }

    [Fact]
    public void Patients_AreReadmittedTransferredAndDieOnce_WhenTheyHaveSeveralStays()
    {
        var readmittedWithin30Days = 0;
        var transfers = 0;
        foreach (var stays in _sample.Rows.GroupBy(r => r.HealthCardNumber))
        {
            var ordered = stays.OrderBy(r => r.AdmitDate).ThenBy(r => r.AdmitTime).ToList();
            Assert.Single(ordered.Select(r => (r.Sex, r.BirthDate)).Distinct());
            foreach (var atFacility in ordered.GroupBy(r => r.FacilityId))
                Assert.Single(atFacility.Select(r => r.ChartNumber).Distinct());
            for (var i = 0; i < ordered.Count; i++)
            {
                if (ordered[i].Disposition == "07")
                    Assert.Equal(ordered.Count - 1, i);
                if (i == 0)
                    continue;
                var before = ordered[i - 1];
                var stay = ordered[i];
                Assert.True(stay.AdmitDate >= before.DischargeDate);
                if (before.Disposition == "01")
                {
                    transfers++;
                    Assert.Equal(before.InstitutionTo, stay.FacilityId);
                    Assert.Equal(before.FacilityId, stay.InstitutionFrom);
                    var hours = (stay.AdmitDate.ToDateTime(stay.AdmitTime) - before.DischargeDate.ToDateTime(before.DischargeTime)).TotalHours;
                    Assert.InRange(hours, 0, 6);
                }
                else if (stay.AdmitDate.DayNumber - before.DischargeDate.DayNumber <= 30)
                {
                    readmittedWithin30Days++;
                }
            }
        }
        Assert.True(readmittedWithin30Days > _sample.Rows.Count / 50, $"{readmittedWithin30Days} readmissions within 30 days");
        Assert.True(transfers > _sample.Rows.Count / 200, $"{transfers} transfers");
        Assert.Contains(_sample.Rows, r => r.Disposition == "07");
    }

    [Fact]
    public void RespiratoryAdmissions_PeakInWinter_WhenSpreadOverTheYear()
    {
        var respiratory = _sample.Rows.Where(r => r.Mrdx.StartsWith('J')).ToList();
        var winter = respiratory.Count(r => r.AdmitDate.Month is 12 or 1 or 2);
        var summer = respiratory.Count(r => r.AdmitDate.Month is 6 or 7 or 8);
        Assert.True(winter > 1.6 * summer, $"winter {winter}, summer {summer}");
    }
}
