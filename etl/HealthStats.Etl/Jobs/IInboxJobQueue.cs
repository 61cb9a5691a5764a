namespace HealthStats.Etl.Jobs;

/// <summary>Queues the ingest of one claimed inbox file (Hangfire in the dashboard; a plain call in tests).</summary>
public interface IInboxJobQueue
{
    void EnqueueIngest(string fileName);
}
