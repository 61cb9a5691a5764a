using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Hangfire.Common;
using HealthStats.Dashboard.Hosting;
using HealthStats.Etl.CodingQuality;
using HealthStats.Etl.Handoff;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Jobs;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Internal;

/// <summary>
/// Where a local CLI hands its ingests to this process, which owns the warehouse. Only loopback
/// callers holding the token from server.json (readable by the data directory's owner) are served.
/// </summary>
public static class InternalEndpoints
{
    public static WebApplication MapInternalEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/internal").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var owner = http.RequestServices.GetRequiredService<WarehouseOwner>();
            var remote = http.Connection.RemoteIpAddress;
            var token = http.Request.Headers[RunningServer.TokenHeader].ToString();
            if (remote is null || !IPAddress.IsLoopback(remote)
                || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(owner.Token)))
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            return await next(context);
        })
        // No sign-in: the caller is the local CLI, which proves itself with the token above. A
        // cookie challenge would answer it with a sign-in page instead of a 403.
        .AllowAnonymous();

        group.MapPost("/ingest", (IngestRequest request, IBackgroundJobClient jobs) =>
        {
            if (request.Paths.Count == 0)
                return Results.BadRequest("no paths");
            var missing = request.Paths.FirstOrDefault(p => !Path.IsPathRooted(p) || !File.Exists(p));
            if (missing is not null)
                return Results.BadRequest($"{missing}: no such file (paths must be absolute)");
            var paths = request.Paths.ToList();
            var ignore = request.IgnoreUnknownColumns;
            var jobId = jobs.Enqueue<IngestJob>(job => job.RunAsync(paths, ignore, CancellationToken.None));
            return Results.Ok(new IngestAccepted(jobId));
        });

        // Imported here and now (one transaction; a file of outcomes is small beside a batch): the answer is the result.
        group.MapPost("/labels", async (LabelsRequest request, WarehouseDatabase database, CancellationToken cancellationToken) =>
        {
            if (request.Path is not { } path || !Path.IsPathRooted(path) || !File.Exists(path))
                return Results.BadRequest($"{request.Path}: no such file (the path must be absolute)");
            return Results.Ok(await new LabelsImport(database).ImportAsync(path, cancellationToken));
        });

        group.MapPost("/train", (WarehouseDatabase database, CancellationToken cancellationToken) =>
            new CodingModelTrainer(database).TrainAsync(cancellationToken));

        group.MapPost("/flag", async (FlagRequest request, WarehouseDatabase database, CancellationToken cancellationToken) =>
        {
            if (request.Budget is <= 0 || request.Threshold is < 0 or > 1 || (request.Budget is not null && request.Threshold is not null))
                return Results.BadRequest("a budget of at least 1, or a threshold between 0 and 1, not both");
            var scoring = await new CodingScorer(database).ScoreUnscoredAsync(trainAnomalyWhenMissing: true, cancellationToken);
            return Results.Ok(new FlagResponse(scoring, Flags.Select(database, request.Budget, request.Threshold)));
        });

        group.MapGet("/ingest/{jobId}", (string jobId) =>
        {
            var details = JobStorage.Current.GetMonitoringApi().JobDetails(jobId);
            if (details is null)
                return Results.NotFound();
            var state = details.History.FirstOrDefault();
            var name = state?.StateName ?? "Enqueued";
            IngestTotals? totals = null;
            string? error = null;
            if (name == "Succeeded" && state!.Data.TryGetValue("Result", out var result))
                totals = SerializationHelper.Deserialize<IngestTotals>(result, SerializationOption.User);
            if (name == "Failed")
                error = state!.Data.TryGetValue("ExceptionMessage", out var message) ? message : "failed";
            return Results.Ok(new IngestJobStatus(name, totals, error));
        });
        return app;
    }
}
