namespace HealthStats.Cli.Scaleout;

/// <summary>
/// A worker's output: one line per event, with the UTC time and the worker's name, written whole from any
/// thread, so that the lines of several workers can be merged by time.
/// </summary>
internal sealed class WorkerLog(TextWriter output, string workerName)
{
    public void Write(string message)
    {
        lock (output)
        {
            output.WriteLine($"{DateTime.UtcNow:O} {workerName} {message}");
            output.Flush();
        }
    }
}
