namespace HealthStats.Etl.Ingest;

/// <summary>
/// Keeps landing's managed heap near what it holds alive. Each Parquet row group keeps its records
/// (strings and all) alive until it is encoded, so they reach the oldest generation and die there; the
/// server GC lets that garbage pile up (2 GB after 2 million abstracts, 2.8 GB after 10 million, with
/// a few hundred MB alive). A full collection whenever the heap has doubled since the last one, and is
/// past a floor, holds the peak near twice what is alive, as a GC budget would.
/// </summary>
internal sealed class LandingHeapBudget
{
    private const long FloorBytes = 512L * 1024 * 1024;
    private const int CheckEveryRecords = 10_000;

    private long budgetBytes = FloorBytes;
    private int sinceCheck;

    /// <summary>Called once per record; collects when the heap has passed its budget.</summary>
    public void Tick()
    {
        if (++sinceCheck < CheckEveryRecords)
            return;
        sinceCheck = 0;
        if (GC.GetTotalMemory(forceFullCollection: false) < budgetBytes)
            return;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        budgetBytes = Math.Max(FloorBytes, 2 * GC.GetTotalMemory(forceFullCollection: false));
    }
}
