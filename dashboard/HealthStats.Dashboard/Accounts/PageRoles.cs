using HealthStats.Etl.Accounts;

namespace HealthStats.Dashboard.Accounts;

/// <summary>
/// The role lists pages and endpoints declare, as [Authorize(Roles = PageRoles.X)]. Anything that
/// declares none is refused to everyone (the fallback policy), so a new page must choose.
/// </summary>
public static class PageRoles
{
    /// <summary>Every role: aggregate statistics that all users may see.</summary>
    public const string Everyone = AccountRoles.Analyst + "," + AccountRoles.Supervisor + "," + AccountRoles.Ministry + "," + AccountRoles.Admin;

    /// <summary>Inside the warehouse team: record-level data quality, coders, quarantine.</summary>
    public const string Staff = AccountRoles.Analyst + "," + AccountRoles.Supervisor + "," + AccountRoles.Admin;

    /// <summary>Auditing coding: the review queue, abstracts shown record by record, decisions.</summary>
    public const string Supervisors = AccountRoles.Supervisor + "," + AccountRoles.Admin;

    /// <summary>Running the system: the job dashboard.</summary>
    public const string Admin = AccountRoles.Admin;
}
