using System.Buffers.Binary;

namespace HealthStats.Etl.Ingest.Limits;

/// <summary>
/// Counts what a decompressing stream yields and stops at a limit with a file-level error: a few KB
/// of gzip can inflate to many GB (a decompression bomb), which would otherwise be read to the end,
/// however long that takes. The limit scales with the compressed size (<see cref="InputLimits"/>).
/// At its end it also checks the inflated size against the gzip trailer (ISIZE, the size modulo 2^32), because
/// the runtime's GZipStream ends quietly where a cut-short file ends, and a truncated download would
/// otherwise load as a shorter file.
/// </summary>
internal sealed class InflationLimitStream(Stream inner, Stream compressed, string fileName) : Stream
{
    private readonly long compressedLength = compressed.Length;
    private readonly long limit = Math.Max(InputLimits.MinDecompressedLimit, compressed.Length * InputLimits.MaxDecompressionRatio);
    private long inflated;
    private bool checkedEnd;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => inflated; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = inner.Read(buffer);
        }
        catch (InvalidDataException)
        {
            // The library's message is about blocks and checksums; what the sender needs is that the file is damaged.
            throw new AbstractFormatException(fileName, 0,
                $"the gzip content is damaged after {inflated:N0} bytes inflated (a truncated or corrupted download?)");
        }
        inflated += read;
        if (read == 0 && buffer.Length > 0 && !checkedEnd)
        {
            checkedEnd = true;
            CheckTrailer();
        }
        if (inflated > limit)
            throw new AbstractFormatException(fileName, 0,
                $"the gzip content inflates to more than {limit:N0} bytes ({InputLimits.MaxDecompressionRatio} times its compressed size, " +
                "or 256 MB for a small file): refused as a likely decompression bomb");
        return read;
    }

    private void CheckTrailer()
    {
        if (!compressed.CanSeek || compressedLength < 18)
            throw Damaged();
        Span<byte> size = stackalloc byte[4];
        compressed.Position = compressedLength - 4;
        compressed.ReadExactly(size);
        if (BinaryPrimitives.ReadUInt32LittleEndian(size) != (uint)inflated)
            throw Damaged();
    }

    private AbstractFormatException Damaged() => new(fileName, 0,
        $"the gzip content ends after {inflated:N0} bytes where its trailer says otherwise: the file is cut short (a truncated download?) " +
        "or several gzip files concatenated, which is not read");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
