using HealthStats.Dashboard.Hosting;
using HealthStats.Dashboard.Internal;
using HealthStats.Dashboard.Jobs;
using HealthStats.Dashboard.Overview;

var builder = WebApplication.CreateBuilder(args);
builder.AddHealthStatsWarehouse();
builder.AddHealthStatsJobs();
builder.Services.AddSingleton<OverviewQueries>();
builder.Services.AddRazorPages();

var app = builder.Build();
app.MapRazorPages();
app.MapHealthStatsJobs();
app.MapInternalEndpoints();
app.Run();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
