namespace HealthStats.Etl.Ingest;

/// <summary>
/// Turns the non-blank lines of a line-per-record file (JSON Lines, FHIR NDJSON) into records on the
/// thread pool, a bounded window ahead, and hands them out in file order: parsing JSON (and above all
/// the FHIR library's validating deserializer) is what limits those formats, and it parallelises,
/// while validation and landing stay one record at a time. Memory is bounded by the window, never
/// the file. Line numbers are the file's, blank lines counted; a leading BOM on line 1 is dropped.
/// </summary>
internal sealed class LineRecordReader(TextReader text, Func<string, long, RawAbstract> map, long linesAlreadyRead = 0)
{
    private static readonly int Window = Math.Max(2, Environment.ProcessorCount) * 16;

    private readonly Queue<Task<RawAbstract>> pending = new();
    private long line = linesAlreadyRead;
    private bool ended;

    public RawAbstract? Read()
    {
        while (!ended && pending.Count < Window)
        {
            var current = text.ReadLine();
            if (current is null)
            {
                ended = true;
                break;
            }
            line++;
            if (line == 1 && current.StartsWith('\uFEFF'))
                current = current[1..]; // a BOM the decoder did not take (e.g. a doubled one)
            if (string.IsNullOrWhiteSpace(current))
                continue;
            var number = line;
            pending.Enqueue(Task.Run(() => map(current, number)));
        }
        return pending.TryDequeue(out var next) ? next.GetAwaiter().GetResult() : null;
    }
}
