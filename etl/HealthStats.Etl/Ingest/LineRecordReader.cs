using HealthStats.Etl.Ingest.Limits;

namespace HealthStats.Etl.Ingest;

/// <summary>
/// Turns the non-blank lines of a line-per-record file (JSON Lines, FHIR NDJSON) into records on the
/// thread pool, a bounded window ahead, and hands them out in file order: parsing JSON (and above all
/// the FHIR library's validating deserializer) is what limits those formats, and it parallelises,
/// while validation and landing stay one record at a time. Memory is bounded by the window (in lines
/// and in characters), never the file. Line numbers are the file's, blank lines counted; a leading
/// BOM on line 1 is dropped. A line over the length limit is a malformed record, not parsed.
/// </summary>
internal sealed class LineRecordReader(BoundedLineReader lines, Func<string, long, RawAbstract> map)
{
    private static readonly int Window = Math.Max(2, Environment.ProcessorCount) * 16;

    private readonly Queue<(Task<RawAbstract> Record, int Chars)> pending = new();
    private long pendingChars;
    private bool ended;

    public RawAbstract? Read()
    {
        while (!ended && pending.Count < Window && (pending.Count == 0 || pendingChars < InputLimits.MaxReadAheadChars))
        {
            var current = lines.ReadLine();
            if (current is null)
            {
                ended = true;
                break;
            }
            var number = lines.LineNumber;
            if (number == 1 && current.StartsWith('\uFEFF'))
                current = current[1..]; // a BOM the decoder did not take (e.g. a doubled one)
            if (lines.LastLineLength is { } length)
            {
                var tooLong = new RawAbstract { Line = number, RawText = current, StructureError = BoundedLineReader.TooLongMessage(number, length) };
                pending.Enqueue((Task.FromResult(tooLong), current.Length));
            }
            else if (!string.IsNullOrWhiteSpace(current))
                pending.Enqueue((Task.Run(() => map(current, number)), current.Length));
            else
                continue;
            pendingChars += current.Length;
        }
        if (!pending.TryDequeue(out var next))
            return null;
        pendingChars -= next.Chars;
        return next.Record.GetAwaiter().GetResult();
    }
}
