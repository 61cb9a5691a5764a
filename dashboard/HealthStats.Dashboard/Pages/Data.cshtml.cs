using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Submissions;
using HealthStats.Warehouse.Build;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages;

/// <summary>
/// What has been loaded and what has not: batches newest first, each facility's last submission with the overdue
/// ones flagged, and open quarantine counted by facility, batch and rule. Record-level data quality, so staff only.
/// </summary>
[Authorize(Roles = PageRoles.Staff)]
public sealed class DataModel(SubmissionQueries queries) : PageModel
{
    public IReadOnlyList<BatchRecord> Batches { get; private set; } = [];

    public int TotalBatches { get; private set; }

    public IReadOnlyList<FacilityTimeliness> Facilities { get; private set; } = [];

    public OpenQuarantine Quarantine { get; private set; } = new([], [], []);

    public void OnGet()
    {
        (Batches, TotalBatches) = queries.Batches();
        Facilities = queries.Facilities(DateTime.UtcNow);
        Quarantine = queries.OpenQuarantine();
    }
}
