namespace HealthStats.Etl.Ingest;

/// <summary>A file of abstracts in one of the input formats, read one record at a time.</summary>
public interface IAbstractSource : IDisposable
{
    /// <summary>The file's name, for messages, quarantine and lineage.</summary>
    string FileName { get; }

    /// <summary>csv, jsonl or fhir.</summary>
    string Format { get; }

    /// <summary>The next record, or null at the end of the file.</summary>
    RawAbstract? Read();
}
