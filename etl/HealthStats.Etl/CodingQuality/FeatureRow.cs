using Microsoft.ML;
using Microsoft.ML.Data;

namespace HealthStats.Etl.CodingQuality;

/// <summary>One abstract as ML.NET sees it: a feature vector and, when audited, whether it was miscoded.</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    /// <summary>The rows as an IDataView whose Features column has the known size the trainers need.</summary>
    public static IDataView Load(MLContext ml, IEnumerable<FeatureRow> rows, int width)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
