namespace HealthStats.Etl.CodingQuality;

/// <summary>Abstracts with their feature vectors (the unsupervised features; the anomaly score is appended when known).</summary>
internal sealed class FeatureTable
{
    public List<string> FacilityIds { get; } = [];

    public List<string> AbstractIds { get; } = [];

    public List<string> BatchIds { get; } = [];

    public List<DateOnly> DischargeDates { get; } = [];

    public List<float[]> Features { get; } = [];

    public List<AbstractContext> Contexts { get; } = [];

    public int Count => AbstractIds.Count;

    public (string FacilityId, string AbstractId) Key(int row) => (FacilityIds[row], AbstractIds[row]);
}
