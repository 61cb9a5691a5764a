namespace HealthStats.Warehouse.Lake;

/// <summary>What a compaction did: partitions merged, files before and after, and their bytes.</summary>
public sealed record CompactionResult(int Partitions, int FilesMerged, int FilesWritten, long BytesBefore, long BytesAfter, int Recovered);
