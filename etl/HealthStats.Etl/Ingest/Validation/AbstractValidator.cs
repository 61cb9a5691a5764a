using System.Globalization;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.CodeEdits;
using HealthStats.Warehouse.Reference;
using static HealthStats.Etl.Ingest.AbstractColumns;

namespace HealthStats.Etl.Ingest.Validation;

/// <summary>
/// Checks one raw abstract at the three levels (structure, consistency, classification), runs the coding edits
/// (<see cref="CodingEdits"/>) and types it. All findings are collected, not just the first, so that a facility
/// corrects a record in one pass.
/// </summary>
/// <param name="edits">The edit tables; without them only the edits that need no table (E05) run.</param>
public sealed class AbstractValidator(
    CodeLists codeLists, ClassificationSnapshot classification, ValidationOptions? options = null, CodeEditSnapshot? edits = null)
{
    private readonly ValidationOptions options = options ?? new ValidationOptions();

    public ValidationResult Validate(RawAbstract raw)
    {
        var issues = new List<ValidationIssue>();
        if (raw.StructureError is not null)
        {
            issues.Add(new(ValidationRules.Malformed, "record", raw.StructureError));
            return new ValidationResult(null, issues);
        }

        var facility = Required(raw.FacilityId, FacilityId, 10, issues);
        var abstractId = Required(raw.AbstractId, AbstractId, 40, issues);
        var action = (raw.Action?.Trim() ?? "A").ToUpperInvariant();
        if (action is not ("A" or "D"))
            issues.Add(new(ValidationRules.NotInCodeList, AbstractColumns.Action, $"action '{action}' is not A (add or replace) or D (delete)"));
        if (action == "D")
        {
            // A deletion needs only its key: the rest of the record may be absent.
            return HasErrors(issues)
                ? new ValidationResult(null, issues)
                : new ValidationResult(new ValidAbstract { Line = raw.Line, FacilityId = facility!, AbstractId = abstractId!, IsDeletion = true }, issues);
        }

        var chart = Required(raw.ChartNumber, ChartNumber, 40, issues);
        var healthCard = Optional(raw.HealthCardNumber, HealthCardNumber, 40, issues);
        var sex = Coded(raw.Sex, Sex, CodeLists.Sex, required: true, issues);
        var birth = Date(raw.BirthDate, BirthDate, required: true, issues);
        var postal = Optional(raw.PostalCode, PostalCode, 10, issues);
        var region = Optional(raw.ResidenceRegion, ResidenceRegion, 20, issues);
        var admit = Date(raw.AdmitDate, AdmitDate, required: true, issues);
        var admitTime = Time(raw.AdmitTime, AdmitTime, issues);
        var discharge = Date(raw.DischargeDate, DischargeDate, required: true, issues);
        var dischargeTime = Time(raw.DischargeTime, DischargeTime, issues);
        var category = Coded(raw.AdmitCategory, AdmitCategory, CodeLists.AdmitCategory, required: true, issues);
        var disposition = Coded(raw.DischargeDisposition, DischargeDisposition, CodeLists.DischargeDisposition, required: true, issues);
        var from = Optional(raw.InstitutionFrom, InstitutionFrom, 20, issues);
        var to = Optional(raw.InstitutionTo, InstitutionTo, 20, issues);
        var alc = Integer(raw.AlcDays, AlcDays, 0, 36_500, issues);
        var coder = Required(raw.CoderId, CoderId, 20, issues);
        var completed = Date(raw.AbstractCompletedDate, AbstractCompletedDate, required: false, issues);

        var age = 0;
        int? knownAge = null; // for the age edits, which must not run on the 0 that stands in for an unknown age
        if (admit is { } a && discharge is { } d && d < a)
            issues.Add(new(ValidationRules.DischargeBeforeAdmit, DischargeDate, $"discharge {d:yyyy-MM-dd} is before admission {a:yyyy-MM-dd}"));
        if (birth is { } b && admit is { } a2)
        {
            if (b > a2)
                issues.Add(new(ValidationRules.BirthAfterAdmit, BirthDate, "the birth date is after the admission date"));
            else
            {
                age = AgeAt(b, a2);
                knownAge = age <= 124 ? age : null;
                if (age > 124)
                    issues.Add(new(ValidationRules.AgeOutOfRange, BirthDate, $"age at admission would be {age} years"));
                else if (category == "N" && age > 0)
                    issues.Add(new(ValidationRules.NewbornCategoryAge, AdmitCategory, $"admit category N (newborn) at age {age}"));
            }
        }
        if (alc is { } alcDays && admit is { } a3 && discharge is { } d3 && d3 >= a3 && alcDays > d3.DayNumber - a3.DayNumber)
            issues.Add(new(ValidationRules.AlcExceedsStay, AlcDays, $"{alcDays} ALC days in a stay of {d3.DayNumber - a3.DayNumber} days"));

        var lookupDate = discharge ?? admit;
        var diagnoses = Diagnoses(raw, lookupDate, issues);
        var interventions = Interventions(raw, admit, discharge, lookupDate, issues);
        if (lookupDate is { } editDate)
            CodingEdits.Run(edits?.At(editDate) ?? CodeEditTable.Empty, sex, knownAge, diagnoses, interventions, issues);

        if (HasErrors(issues))
            return new ValidationResult(null, issues);
        var valid = new ValidAbstract
        {
            Line = raw.Line,
            FacilityId = facility!,
            AbstractId = abstractId!,
            IsDeletion = false,
            ChartNumber = chart,
            HealthCardNumber = healthCard,
            Sex = sex,
            BirthDate = birth!.Value,
            PostalCode = postal,
            ResidenceRegion = region,
            AdmitDate = admit!.Value,
            AdmitTime = admitTime,
            DischargeDate = discharge!.Value,
            DischargeTime = dischargeTime,
            AdmitCategory = category,
            DischargeDisposition = disposition,
            InstitutionFrom = from,
            InstitutionTo = to,
            AlcDays = alc ?? 0,
            CoderId = coder,
            AbstractCompletedDate = completed,
            AgeYears = age,
        };
        valid.Diagnoses.AddRange(diagnoses);
        valid.Interventions.AddRange(interventions);
        return new ValidationResult(valid, issues);
    }

    /// <summary>Completed years of age on a date (a birthday on 29 February counts on 1 March in other years).</summary>
    public static int AgeAt(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
            age--;
        return age;
    }

    private List<ValidDiagnosis> Diagnoses(RawAbstract raw, DateOnly? date, List<ValidationIssue> issues)
    {
        var result = new List<ValidDiagnosis>(raw.Diagnoses.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mrdxCount = 0;
        for (var i = 0; i < raw.Diagnoses.Count; i++)
        {
            var n = i + 1;
            var (rawCode, rawType) = raw.Diagnoses[i];
            var code = rawCode is null ? "" : ClassificationFiles.NormaliseCode(rawCode);
            var type = rawType?.Trim().ToUpperInvariant() ?? "";
            if (code.Length == 0 && type.Length == 0)
                continue;
            if (code.Length == 0 || type.Length == 0)
            {
                issues.Add(new(ValidationRules.IncompletePair, code.Length == 0 ? DiagnosisCode(n) : DiagnosisType(n),
                    code.Length == 0 ? $"diagnosis type '{type}' has no code" : $"diagnosis {code} has no type"));
                continue;
            }
            if (!codeLists.Contains(CodeLists.DiagnosisType, type))
            {
                issues.Add(new(ValidationRules.NotInCodeList, DiagnosisType(n), $"'{type}' is not a diagnosis type"));
                continue;
            }
            if (type == "M")
                mrdxCount++;
            if (!seen.Add(code))
            {
                issues.Add(new(ValidationRules.DuplicateCode, DiagnosisCode(n), $"diagnosis {code} appears more than once"));
                continue;
            }
            var entry = Classify(ClassificationKind.Diagnosis, code, date, DiagnosisCode(n), issues);
            result.Add(new ValidDiagnosis(n, code, type, entry?.Chapter, entry?.Block));
        }
        if (raw.Diagnoses.TrueForAll(d => string.IsNullOrWhiteSpace(d.Code) && string.IsNullOrWhiteSpace(d.Type)))
            issues.Add(new(ValidationRules.RequiredMissing, DiagnosisCode(1), "the abstract has no diagnosis"));
        if (mrdxCount != 1)
            issues.Add(new(ValidationRules.MrdxCount, DiagnosisType(1),
                mrdxCount == 0 ? "no diagnosis is typed M (most responsible)" : $"{mrdxCount} diagnoses are typed M; exactly one is allowed"));
        return result;
    }

    private List<ValidIntervention> Interventions(RawAbstract raw, DateOnly? admit, DateOnly? discharge, DateOnly? date, List<ValidationIssue> issues)
    {
        var result = new List<ValidIntervention>(raw.Interventions.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Interventions.Count; i++)
        {
            var n = i + 1;
            var (rawCode, rawDate) = raw.Interventions[i];
            var code = rawCode is null ? "" : ClassificationFiles.NormaliseCode(rawCode);
            if (code.Length == 0 && string.IsNullOrWhiteSpace(rawDate))
                continue;
            if (code.Length == 0)
            {
                issues.Add(new(ValidationRules.IncompletePair, InterventionCode(n), "an intervention date has no code"));
                continue;
            }
            var done = Date(rawDate, InterventionDate(n), required: true, issues);
            if (done is null)
                continue;
            var tolerance = options.InterventionDateToleranceDays;
            if (admit is { } a && discharge is { } d
                && (done.Value.DayNumber < a.DayNumber - tolerance || done.Value.DayNumber > d.DayNumber + tolerance))
                issues.Add(new(ValidationRules.InterventionOutsideStay, InterventionDate(n),
                    $"intervention {code} on {done:yyyy-MM-dd} is outside the stay {a:yyyy-MM-dd} to {d:yyyy-MM-dd}"));
            if (!seen.Add(code))
            {
                issues.Add(new(ValidationRules.DuplicateCode, InterventionCode(n), $"intervention {code} appears more than once"));
                continue;
            }
            var entry = Classify(ClassificationKind.Intervention, code, date, InterventionCode(n), issues);
            result.Add(new ValidIntervention(n, code, done.Value, entry?.Chapter, entry?.Block));
        }
        return result;
    }

    private CodeEntry? Classify(ClassificationKind kind, string code, DateOnly? date, string field, List<ValidationIssue> issues)
    {
        if (date is null)
            return null; // the date error is reported already; the code cannot be looked up without it
        var entry = classification.Find(kind, code, date.Value);
        var what = kind == ClassificationKind.Diagnosis ? "diagnosis" : "intervention";
        if (entry is null)
        {
            var version = classification.VersionInForce(kind, date.Value) ?? "none";
            issues.Add(new(ValidationRules.CodeNotInClassification, field,
                $"{what} code {code} does not exist in the classification in force on {date:yyyy-MM-dd} (version {version})"));
        }
        else if (!entry.Billable)
        {
            issues.Add(new(ValidationRules.CodeNotBillable, field,
                $"{what} code {code} is a category or header in version {entry.Version}: a more specific code exists"));
        }
        return entry;
    }

    private static bool HasErrors(List<ValidationIssue> issues)
    {
        foreach (var issue in issues)
        {
            if (issue.Severity == Severity.Error)
                return true;
        }
        return false;
    }

    private static string? Required(string? value, string field, int maxLength, List<ValidationIssue> issues)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            issues.Add(new(ValidationRules.RequiredMissing, field, $"{field} is required"));
            return null;
        }
        if (text.Length > maxLength)
        {
            issues.Add(new(ValidationRules.TooLong, field, $"{field} has {text.Length} characters; at most {maxLength} are allowed"));
            return null;
        }
        return text;
    }

    private static string? Optional(string? value, string field, int maxLength, List<ValidationIssue> issues) =>
        string.IsNullOrWhiteSpace(value) ? null : Required(value, field, maxLength, issues);

    private string? Coded(string? value, string field, string list, bool required, List<ValidationIssue> issues)
    {
        var text = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
                issues.Add(new(ValidationRules.RequiredMissing, field, $"{field} is required"));
            return null;
        }
        if (!codeLists.Contains(list, text))
        {
            var allowed = string.Join(" ", codeLists.Codes(list).Take(12));
            issues.Add(new(ValidationRules.NotInCodeList, field, $"'{Truncate(text)}' is not in the {list} code list ({allowed})"));
            return null;
        }
        return text;
    }

    private static DateOnly? Date(string? value, string field, bool required, List<ValidationIssue> issues)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
                issues.Add(new(ValidationRules.RequiredMissing, field, $"{field} is required"));
            return null;
        }
        // 9999-12-31 is a real calendar date but a placeholder ("no end"), and a stay of 2.9 million days would
        // load into fiscal year 9999: no abstract has a date before 1880 or after 2199.
        if (IsoDate.TryParse(text, out var date) && date.Year is >= 1880 and <= 2199)
            return date;
        // Birth dates are personal data: say what is wrong without repeating the value.
        issues.Add(new(ValidationRules.InvalidDate, field,
            field == BirthDate ? $"{field} is not a real date in yyyy-MM-dd form" : $"'{Truncate(text)}' is not a real date in yyyy-MM-dd form"));
        return null;
    }

    private static TimeOnly? Time(string? value, string field, List<ValidationIssue> issues)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        if (IsoDate.TryParseTime(text, out var time))
            return time;
        issues.Add(new(ValidationRules.InvalidTime, field, $"'{Truncate(text)}' is not a time in HH:mm form"));
        return null;
    }

    private static int? Integer(string? value, string field, int min, int max, List<ValidationIssue> issues)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            return number;
        issues.Add(new(ValidationRules.InvalidNumber, field, $"'{Truncate(text)}' is not a whole number from {min} to {max}"));
        return null;
    }

    private static string Truncate(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
