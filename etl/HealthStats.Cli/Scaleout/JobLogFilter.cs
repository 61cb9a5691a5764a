using Hangfire.Server;

namespace HealthStats.Cli.Scaleout;

/// <summary>
/// One line per job started and ended on the worker's output. Arguments are file names (never record content),
/// so they may be printed.
/// </summary>
internal sealed class JobLogFilter(Action<string> log) : IServerFilter
{
    public void OnPerforming(PerformingContext context) =>
        log($"job {context.BackgroundJob.Id} started: {Describe(context)}");

    public void OnPerformed(PerformedContext context) =>
        log($"job {context.BackgroundJob.Id} {(context.Exception is null ? "succeeded" : "failed: " + context.Exception.GetBaseException().Message)}: {Describe(context)}");

    private static string Describe(PerformContext context)
    {
        var job = context.BackgroundJob.Job;
        var arguments = job.Args.Where(a => a is string).Select(a => (string)a);
        return $"{job.Type.Name}({string.Join(", ", arguments)})";
    }
}
