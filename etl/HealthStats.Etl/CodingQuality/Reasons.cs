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
        if (context.WarningRules is { Length: > 0 } rules)
        {
            foreach (var rule in rules.Split(','))
                sentences.Add($"edit {rule} fired");
        }
        return sentences;
    }

    private static string? Sentence(AbstractContext c, float[] v, int feature)
    {
        float Value(string name) => v[CodingFeatures.IndexOf(name)];
        var mrdx = c.MrdxCode;
        return CodingFeatures.Supervised[feature] switch
        {
            "los_days" or "los_to_mrdx_median" or "mrdx_median_los" => Value("los_to_mrdx_median") >= 1
                ? F($"length of stay {Value("los_days"):0} days is long for MRDx {mrdx} (median {Value("mrdx_median_los"):0.#})")
                : F($"length of stay {Value("los_days"):0} days is short for MRDx {mrdx} (median {Value("mrdx_median_los"):0.#})"),
            "alc_days" => F($"{Value("alc_days"):0} ALC days with MRDx {mrdx}"),
            "age_years" => F($"age {Value("age_years"):0} is unusual for MRDx {mrdx}"),
            "sex" => F($"sex {SexName(Value("sex"))} is unusual for MRDx {mrdx}"),
            "admit_category" => F($"admit category {(char)Value("admit_category")} is unusual for MRDx {mrdx}"),
            "discharge_disposition" => F($"discharge disposition {Value("discharge_disposition"):00} is unusual for MRDx {mrdx}"),
            "mrdx_code_length" => F($"MRDx {mrdx} has {Value("mrdx_code_length"):0} characters"),
            "mrdx_log_abstracts" => F($"MRDx {mrdx} is rare as an MRDx ({Math.Exp(Value("mrdx_log_abstracts")):0} abstracts)"),
            "mrdx_share_as_mrdx" => F($"{mrdx} is the MRDx in only {Value("mrdx_share_as_mrdx"):P0} of the other abstracts that code it"),
            "comorbidity_max_mrdx_share" when c.ComorbidityCode is { } code =>
                F($"comorbidity {code} is the MRDx in {Value("comorbidity_max_mrdx_share"):P0} of the abstracts that code it (MRDx here: {mrdx})"),
            "secondary_min_lift" when c.SecondaryCode is { } code =>
                F($"MRDx {mrdx} is unusual with diagnosis {code} (lift {Value("secondary_min_lift"):0.##})"),
            "intervention_min_lift" when c.InterventionCode is { } code =>
                F($"MRDx {mrdx} is unusual with intervention {code} (lift {Value("intervention_min_lift"):0.##})"),
            "secondaries" => F($"{Value("secondaries"):0} other diagnoses with MRDx {mrdx}"),
            "interventions" => F($"{Value("interventions"):0} interventions with MRDx {mrdx}"),
            "coder_warning_share" or "coder_log_abstracts" => F($"coder {c.CoderId}'s abstracts have edits fired in {Value("coder_warning_share"):P0}"),
            "facility_warning_share" => F($"the facility's abstracts have edits fired in {Value("facility_warning_share"):P0}"),
            CodingFeatures.AnomalyScore => F($"the abstract is unusual overall (anomaly score {Value(CodingFeatures.AnomalyScore):0.##})"),
            _ => null, // warnings: the edits are listed by name after the features
        };
    }

    private static string SexName(float code) => code switch { 0 => "M", 1 => "F", _ => "other" };

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
