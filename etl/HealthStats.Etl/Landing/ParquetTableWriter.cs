using Parquet;
using Parquet.Schema;

namespace HealthStats.Etl.Landing;

/// <summary>
/// Writes one Parquet file in row groups, under a temporary name that is renamed on completion, so
/// that a reader (or a crash) never sees a half-written file under its final name. A full row group
/// is encoded on the thread pool while the next one fills: encoding is most of the landing's work,
/// and the files of a batch encode side by side. Row groups still reach the file one at a time, in order.
/// </summary>
internal sealed class ParquetTableWriter : IAsyncDisposable
{
    public const int RowGroupSize = 100_000;

    private readonly string finalPath;
    private readonly string temporaryPath;
    private readonly IReadOnlyList<ParquetColumn> columns;
    private readonly ParquetSchema schema;
    private FileStream? stream;
    private ParquetWriter? writer;
    private int pendingRows;
    private Task encoding = Task.CompletedTask;

    public ParquetTableWriter(string finalPath, IReadOnlyList<ParquetColumn> columns)
    {
        this.finalPath = finalPath;
        temporaryPath = finalPath + ".tmp";
        this.columns = columns;
        schema = new ParquetSchema(columns.Select(c => (Field)c.Field));
    }

    public long Rows { get; private set; }

    public string FinalPath => finalPath;

    /// <summary>Call after adding one value to every column.</summary>
    public async ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        Rows++;
        if (++pendingRows >= RowGroupSize)
            await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pendingRows == 0)
            return;
        await encoding; // the previous row group first; its error, if any, surfaces here
        if (writer is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            stream = new FileStream(temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy },
                cancellationToken: cancellationToken);
        }
        var writes = columns.Select(c => c.TakeRowGroup()).ToList();
        pendingRows = 0;
        var file = writer;
        encoding = Task.Run(async () =>
        {
            using var rowGroup = file.CreateRowGroup();
            foreach (var write in writes)
                await write(rowGroup, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Flushes the last row group and moves the file to its final name. Returns null when no row was written.</summary>
    public async Task<string?> CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await encoding;
        if (writer is null)
            return null;
        await writer.DisposeAsync();
        writer = null;
        await stream!.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true);
        await stream.DisposeAsync();
        stream = null;
        File.Move(temporaryPath, finalPath, overwrite: true);
        return finalPath;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await encoding;
        }
        catch (Exception)
        {
            // Disposing after a failure: the error was reported where the batch failed; the file goes below.
        }
        if (writer is not null)
            await writer.DisposeAsync();
        if (stream is not null)
        {
            await stream.DisposeAsync();
            File.Delete(temporaryPath); // not completed: leave nothing half-written behind
        }
    }
}
