using Hangfire.Dashboard;
using HealthStats.Etl.Accounts;

namespace HealthStats.Dashboard.Jobs;

/// <summary>
/// The Hangfire dashboard is for admins: it can retry, delete and trigger jobs. The endpoint also
/// requires the role; this filter is Hangfire's own check, so that the dashboard stays closed even
/// if it is ever mapped without the endpoint's requirement.
/// </summary>
public sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(AccountRoles.Admin);
}
