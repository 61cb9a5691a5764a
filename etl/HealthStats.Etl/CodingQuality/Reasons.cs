using System.Globalization;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// Turns the features that pushed an abstract's score up into sentences a supervisor reads, naming the
/// abstract's own codes and values, then the edits that fired. Never a patient's identity: the features
/// hold none.
/// </summary>
internal static class Reasons
{
    public const int MaxFeatureReasons = 3;

    /// <summary>Sentences for the features in <paramref name="ranked"/> order (most important first), then the edits.</summary>
    public static List<string> For(AbstractContext context, float[] values, IEnumerable<int> ranked)
    {
        var sentences = new List<string>();
        foreach (var feature in ranked)
        {
            if (sentences.Count == MaxFeatureReasons)
                break;
            if (Sentence(context, values, feature) is { } sentence && !sentences.Contains(sentence))
                sentences.Add(sentence);
        }
        if (sentences.Count == 0)
        {
            // Every flag says why: where no single value stands out, the combination does.
            sentences.Add(F($"no single value stands out, but together they are unusual (anomaly score {values[CodingFeatures.IndexOf(CodingFeatures.AnomalyScore)]:0.##})"));
        }
        if (context.WarningRules is { Length: > 0 } rules)
        {
            foreach (var rule in rules.Split(','))
                sentences.Add(RuleDescriptions.TryGetValue(rule, out var description) ? $"edit {rule} fired: {description}" : $"edit {rule} fired");
        }
        return sentences;
    }

    private static readonly Dictionary<string, string> RuleDescriptions =
        Ingest.Validation.ValidationRules.All.ToDictionary(r => r.Id, r => r.Description, StringComparer.Ordinal);

    private static string? Sentence(AbstractContext c, float[] v, int feature)
    {
        float Value(string name) => v[CodingFeatures.IndexOf(name)];
        var mrdx = c.MrdxCode;
        var los = Value("los_to_mrdx_median");
        // A feature can push a score up from an ordinary value (trees split anywhere); a sentence is only
        // written where the value itself is out of the ordinary, so that no reason misleads.
        return CodingFeatures.Supervised[feature] switch
        {
            "los_days" or "los_to_mrdx_median" or "mrdx_median_los" when los >= 1.5 =>
                F($"length of stay {Value("los_days"):0} days is long for MRDx {mrdx} (median {Value("mrdx_median_los"):0.#})"),
            "los_days" or "los_to_mrdx_median" or "mrdx_median_los" when los <= 0.5 =>
                F($"length of stay {Value("los_days"):0} days is short for MRDx {mrdx} (median {Value("mrdx_median_los"):0.#})"),
            "alc_days" when Value("alc_days") > 0 => F($"{Value("alc_days"):0} ALC days with MRDx {mrdx}"),
            "age_years" => F($"age {Value("age_years"):0} is unusual for MRDx {mrdx}"),
            "sex" => F($"sex {SexName(Value("sex"))} is unusual for MRDx {mrdx}"),
            "admit_category" => F($"admit category {(char)Value("admit_category")} is unusual for MRDx {mrdx}"),
            "discharge_disposition" => F($"discharge disposition {Value("discharge_disposition"):00} is unusual for MRDx {mrdx}"),
            "mrdx_code_length" when Value("mrdx_code_length") <= 3 => F($"MRDx {mrdx} is a three-character category"),
            "mrdx_log_abstracts" when Math.Exp(Value("mrdx_log_abstracts")) < 20 =>
                F($"MRDx {mrdx} is rare as an MRDx ({Math.Exp(Value("mrdx_log_abstracts")):0} abstracts)"),
            "mrdx_share_as_mrdx" when Value("mrdx_share_as_mrdx") < 0.5 =>
                F($"{mrdx} is the MRDx in only {Value("mrdx_share_as_mrdx"):P0} of the other abstracts that code it"),
            "comorbidity_max_mrdx_share" when c.ComorbidityCode is { } code && Value("comorbidity_max_mrdx_share") > Value("mrdx_share_as_mrdx") =>
                F($"comorbidity {code} is the MRDx in {Value("comorbidity_max_mrdx_share"):P0} of the abstracts that code it, {mrdx} in {Value("mrdx_share_as_mrdx"):P0}"),
            "secondary_min_lift" when c.SecondaryCode is { } code && Value("secondary_min_lift") < 1 =>
                F($"MRDx {mrdx} is unusual with diagnosis {code} (together {Value("secondary_min_lift"):0.##} times as often as by chance)"),
            "intervention_min_lift" when c.InterventionCode is { } code && Value("intervention_min_lift") < 1 =>
                F($"MRDx {mrdx} is unusual with intervention {code} (together {Value("intervention_min_lift"):0.##} times as often as by chance)"),
            "coder_warning_share" or "coder_log_abstracts" when Value("coder_warning_share") >= 2 * Math.Max(Value("facility_warning_share"), 0.01) =>
                F($"coder {c.CoderId}'s abstracts have edits fired in {Value("coder_warning_share"):P0} (the facility: {Value("facility_warning_share"):P0})"),
            CodingFeatures.AnomalyScore when Value(CodingFeatures.AnomalyScore) > 0 =>
                F($"the abstract is unusual overall (anomaly score {Value(CodingFeatures.AnomalyScore):0.##})"),
            _ => null, // warnings: the edits are listed by name after the features
        };
    }

    private static string SexName(float code) => code switch { 0 => "M", 1 => "F", _ => "other" };

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
