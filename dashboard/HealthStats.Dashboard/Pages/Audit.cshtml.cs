using HealthStats.Dashboard.Accounts;
using HealthStats.Etl.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages;

/// <summary>
/// The audit log's recent entries for admins, narrowed by action and actor, with the chain's check on
/// request (it reads the whole log) and the whole log as a CSV download.
/// </summary>
[Authorize(Roles = PageRoles.Admin)]
public sealed class AuditModel(AuditLog audit) : PageModel
{
    public const int DefaultLimit = 200;

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? ActorFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Limit { get; set; } = DefaultLimit;

    [BindProperty(SupportsGet = true)]
    public bool Verify { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Actors { get; private set; } = [];

    public long Total { get; private set; }

    public AuditVerification? Verification { get; private set; }

    public void OnGet()
    {
        if (string.IsNullOrWhiteSpace(ActionFilter) || !AuditActions.All.Contains(ActionFilter, StringComparer.Ordinal))
            ActionFilter = null;
        if (string.IsNullOrWhiteSpace(ActorFilter))
            ActorFilter = null;
        Limit = Math.Clamp(Limit, 1, 5000);
        Entries = audit.Recent(Limit, ActionFilter, ActorFilter);
        Actors = audit.Actors();
        Total = audit.Count();
        if (Verify)
            Verification = audit.Verify();
    }
}
