using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages.Review;

/// <summary>Confirmed error rates of audited abstracts, overall and by coder, facility and error type, by month.</summary>
[Authorize(Roles = PageRoles.Supervisors)]
public sealed class QualityModel(CodingQualityQueries queries) : PageModel
{
    public IReadOnlyList<ErrorRate> Overall { get; private set; } = [];

    public IReadOnlyList<ErrorRate> ByCoder { get; private set; } = [];

    public IReadOnlyList<ErrorRate> ByFacility { get; private set; } = [];

    public IReadOnlyList<ErrorRate> ByErrorType { get; private set; } = [];

    public void OnGet()
    {
        var counts = queries.Counts();
        Overall = CodingQualityQueries.Rates(counts, _ => "All");
        ByCoder = CodingQualityQueries.Rates(counts, c => c.CoderId);
        ByFacility = CodingQualityQueries.Rates(counts, c => c.FacilityId);
        ByErrorType = CodingQualityQueries.ByErrorType(counts);
    }
}
