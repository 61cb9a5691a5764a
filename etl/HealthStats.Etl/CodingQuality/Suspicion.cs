namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// Without a supervised model there are no feature contributions: the anomaly path names the features
/// furthest from what is usual, each measured on its own 0..1 scale.
/// </summary>
internal static class Suspicion
{
    public static IEnumerable<int> Ranked(float[] v)
    {
        float Value(string name) => v[CodingFeatures.IndexOf(name)];
        var measures = new List<(string Feature, double Measure)>
        {
            ("mrdx_share_as_mrdx", 1 - Value("mrdx_share_as_mrdx")),
            ("comorbidity_max_mrdx_share", Value("comorbidity_max_mrdx_share") - Value("mrdx_share_as_mrdx")),
            ("los_to_mrdx_median", Math.Min(1, Math.Abs(Math.Log(Math.Max(Value("los_to_mrdx_median"), 0.01))) / 3)),
        };
        if (Value("interventions") > 0)
            measures.Add(("intervention_min_lift", 1 / (1 + Value("intervention_min_lift"))));
        if (Value("secondaries") > 0)
            measures.Add(("secondary_min_lift", 1 / (1 + Value("secondary_min_lift"))));
        return measures.Where(m => m.Measure > 0.5).OrderByDescending(m => m.Measure).Select(m => CodingFeatures.IndexOf(m.Feature));
    }
}
