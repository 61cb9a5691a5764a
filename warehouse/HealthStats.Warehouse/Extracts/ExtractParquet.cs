using HealthStats.Warehouse.Suppression;
using Parquet;
using Parquet.Schema;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// An extract table as Parquet: one row group, columns typed as the data dictionary says, nulls where
/// suppressed. Parquet.Net writes no timestamp, so the same rows give the same bytes (a test checks it).
/// </summary>
internal static class ExtractParquet
{
    public static async Task<byte[]> WriteAsync(ExtractTable table, Publication publication, CancellationToken cancellationToken)
    {
        var fields = table.Columns.Select(c => c.Type switch
        {
            "integer" => (DataField)new DataField<long?>(c.Name),
            "double" => new DataField<double?>(c.Name),
            "boolean" => new DataField<bool>(c.Name, false),
            _ => new DataField<string>(c.Name, true),
        }).ToList();
        var rows = table.Rows.Select(r => ExtractValues.Of(table, r, publication)).ToList();

        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream,
            new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: cancellationToken))
        {
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Count; c++)
            {
                var field = fields[c];
                var task = table.Columns[c].Type switch
                {
                    "integer" => group.WriteAsync(field, new ReadOnlyMemory<long?>(rows.Select(r => (long?)r[c]).ToArray()), null, null, cancellationToken),
                    "double" => group.WriteAsync(field, new ReadOnlyMemory<double?>(rows.Select(r => (double?)r[c]).ToArray()), null, null, cancellationToken),
                    "boolean" => group.WriteAsync(field, new ReadOnlyMemory<bool>(rows.Select(r => (bool)r[c]!).ToArray()), null, null, cancellationToken),
                    _ => group.WriteAsync(field, new ReadOnlyMemory<ReadOnlyMemory<char>?>(rows.Select(r => ((string?)r[c])?.AsMemory()).ToArray()), null, null, cancellationToken),
                };
                await task;
            }
        }
        return stream.ToArray();
    }
}
