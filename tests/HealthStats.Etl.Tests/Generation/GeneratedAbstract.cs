using System.Globalization;

namespace HealthStats.Etl.Tests.Generation;

/// <summary>One parsed row of abstracts.csv with its truth.csv row.</summary>
internal sealed class GeneratedAbstract
{
    public required string FacilityId { get; init; }
    public required string AbstractId { get; init; }
    public required string ChartNumber { get; init; }
    public required string HealthCardNumber { get; init; }
    public required string Sex { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required string PostalCode { get; init; }
    public required string Region { get; init; }
    public required DateOnly AdmitDate { get; init; }
    public required TimeOnly AdmitTime { get; init; }
    public required DateOnly DischargeDate { get; init; }
    public required TimeOnly DischargeTime { get; init; }
    public required string AdmitCategory { get; init; }
    public required string Disposition { get; init; }
    public required string InstitutionFrom { get; init; }
    public required string InstitutionTo { get; init; }
    public required int AlcDays { get; init; }
    public required string CoderId { get; init; }
    public required DateOnly CompletedDate { get; init; }
    public required List<(string Code, string Type)> Diagnoses { get; init; }
    public required List<(string Code, DateOnly Date)> Interventions { get; init; }
    public required string Outcome { get; init; }
    public required string ErrorType { get; init; }
    public required string CorrectedCodes { get; init; }

    public int Age
    {
        get
        {
            var age = AdmitDate.Year - BirthDate.Year;
            if (AdmitDate.Month < BirthDate.Month || (AdmitDate.Month == BirthDate.Month && AdmitDate.Day < BirthDate.Day))
                age--;
            return age;
        }
    }

    public string Mrdx => Diagnoses.Single(d => d.Type == "M").Code;

    public bool IsMiscoded => Outcome == "miscoded";

    public static List<GeneratedAbstract> Parse(string abstractsCsv, string truthCsv)
    {
        var rows = CsvText.Parse(abstractsCsv);
        var truth = CsvText.Parse(truthCsv);
        Assert.Equal(rows.Count, truth.Count);
        var header = rows[0];
        int Col(string name) => Array.IndexOf(header, name);
        var result = new List<GeneratedAbstract>(rows.Count - 1);
        for (var r = 1; r < rows.Count; r++)
        {
            var f = rows[r];
            var t = truth[r];
            Assert.Equal(header.Length, f.Length);
            Assert.Equal((f[0], f[1]), (t[0], t[1]));
            var dx = new List<(string, string)>();
            for (var i = 1; i <= 25; i++)
            {
                var code = f[Col($"dx_{i}_code")];
                if (code.Length > 0)
                    dx.Add((code, f[Col($"dx_{i}_type")]));
            }
            var px = new List<(string, DateOnly)>();
            for (var i = 1; i <= 20; i++)
            {
                var code = f[Col($"px_{i}_code")];
                if (code.Length > 0)
                    px.Add((code, Date(f[Col($"px_{i}_date")])));
            }
            result.Add(new GeneratedAbstract
            {
                FacilityId = f[Col("facility_id")],
                AbstractId = f[Col("abstract_id")],
                ChartNumber = f[Col("chart_number")],
                HealthCardNumber = f[Col("health_card_number")],
                Sex = f[Col("sex")],
                BirthDate = Date(f[Col("birth_date")]),
                PostalCode = f[Col("postal_code")],
                Region = f[Col("residence_region")],
                AdmitDate = Date(f[Col("admit_date")]),
                AdmitTime = Time(f[Col("admit_time")]),
                DischargeDate = Date(f[Col("discharge_date")]),
                DischargeTime = Time(f[Col("discharge_time")]),
                AdmitCategory = f[Col("admit_category")],
                Disposition = f[Col("discharge_disposition")],
                InstitutionFrom = f[Col("institution_from")],
                InstitutionTo = f[Col("institution_to")],
                AlcDays = int.Parse(f[Col("alc_days")], CultureInfo.InvariantCulture),
                CoderId = f[Col("coder_id")],
                CompletedDate = Date(f[Col("abstract_completed_date")]),
                Diagnoses = dx,
                Interventions = px,
                Outcome = t[2],
                ErrorType = t[3],
                CorrectedCodes = t[4],
            });
        }
        return result;
    }

    private static DateOnly Date(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeOnly Time(string s) => TimeOnly.ParseExact(s, "HH:mm", CultureInfo.InvariantCulture);
}
