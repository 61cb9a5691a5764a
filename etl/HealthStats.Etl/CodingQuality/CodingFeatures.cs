using System.Security.Cryptography;
using System.Text;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// The features the miscoding models read, in vector order: the numeric columns of
/// sql/coding/coding_features.sql, then (for the supervised model) the anomaly model's score. A model
/// keeps the hash of these names, so a model trained on other features is never fed these.
/// </summary>
internal static class CodingFeatures
{
    public static readonly string[] Unsupervised =
    [
        "age_years", "sex", "los_days", "alc_days", "los_to_mrdx_median", "mrdx_median_los", "admit_category",
        "discharge_disposition", "mrdx_code_length", "mrdx_log_abstracts", "mrdx_share_as_mrdx",
        "comorbidity_max_mrdx_share", "secondaries", "secondary_min_lift", "interventions", "intervention_min_lift",
        "warnings", "coder_log_abstracts", "coder_warning_share", "facility_warning_share",
    ];

    public const string AnomalyScore = "anomaly_score";

    public static readonly string[] Supervised = [.. Unsupervised, AnomalyScore];

    public static string SchemaHash(IEnumerable<string> names) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', names))))[..16];

    public static int IndexOf(string name) => Array.IndexOf(Supervised, name);
}
