using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Audit;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Classifications;
using HealthStats.Dashboard.Diagnoses;
using HealthStats.Dashboard.Extracts;
using HealthStats.Dashboard.Facilities;
using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Dashboard.Internal;
using HealthStats.Dashboard.Interventions;
using HealthStats.Dashboard.Jobs;
using HealthStats.Dashboard.Operations;
using HealthStats.Dashboard.Overview;
using HealthStats.Dashboard.Rates;
using HealthStats.Dashboard.Review;
using HealthStats.Dashboard.Security;
using HealthStats.Dashboard.Submissions;

// appsettings.json is read from beside the binaries, so that `dotnet run --project ...` from the
// repository root finds it while relative paths (the data directory) stay relative to where the
// command was run, as they are for the CLI.
// Before anything is written: every file the dashboard makes in the data directory is owner-only.
HealthStats.Warehouse.Storage.OwnerOnlyUmask.Apply();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddHealthStatsWarehouse();
builder.AddHealthStatsJobs();
builder.AddHealthStatsSignIn();
builder.AddHealthStatsExtractApi();
builder.AddHealthStatsAudit();
builder.AddHealthStatsReview();
builder.Services.AddSingleton<OverviewQueries>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton<WarehouseVersion>();
builder.Services.AddSingleton<AnswerCache>();
builder.Services.AddSingleton<CachedIndicators>();
builder.Services.AddSingleton<FilterChoicesCache>();
builder.Services.AddSingleton<ChartCatalog>();
builder.Services.AddSingleton<DashboardChart, DischargesByChapterChart>();
builder.Services.AddSingleton<DashboardChart, FacilityDischargesChart>();
builder.Services.AddSingleton<DashboardChart, FacilityStayChart>();
builder.Services.AddSingleton<DashboardChart, StandardisedRateChart>();
builder.Services.AddSingleton<DashboardChart, TurnaroundChart>();
builder.Services.AddSingleton<DashboardChart, CoderVolumeChart>();
builder.Services.AddSingleton<DashboardChart, DataQualityChart>();
builder.Services.AddSingleton<ClassificationQueries>();
builder.Services.AddSingleton<SubmissionQueries>();
builder.Services.AddSingleton<DashboardChart, DiagnosesChart>();
builder.Services.AddSingleton<DashboardChart, InterventionsChart>();
builder.Services.AddRazorPages();

var app = builder.Build();
app.UseServerTiming();
app.UseSecurityHeaders();
app.UseHealthStatsSignIn();
app.MapRazorPages();
app.MapChartDownloads();
app.MapAuditExport();
app.MapHealthStatsJobs();
app.MapInternalEndpoints();
app.MapExtractApi();
app.Run();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
