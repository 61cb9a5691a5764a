using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Audit;
using HealthStats.Dashboard.Review;
using HealthStats.Etl.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages.Review;

/// <summary>
/// One flagged abstract, de-identified, with its codes' titles, the edits that fired, the reasons for its score
/// and correctly coded abstracts like it; and the decision form. A record-level page: every view is in the
/// audit log, and so is every decision.
/// </summary>
[Authorize(Roles = PageRoles.Supervisors)]
public sealed class AbstractModel(ReviewedAbstractQueries queries, DecisionRecorder recorder, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Facility { get; set; }

    [BindProperty(SupportsGet = true, Name = "abstract")]
    public string? AbstractId { get; set; }

    [BindProperty]
    public ReviewDecision Decision { get; set; } = new();

    public ReviewedAbstract? Abstract { get; private set; }

    public IReadOnlyList<SimilarAbstract> Similar { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!Load())
            return NotFound();
        audit.Record(HttpContext, User.Identity!.Name!, AuditActions.RecordView, $"review abstract {Abstract!.FacilityId}/{Abstract.AbstractId}");
        Similar = queries.Similar(Abstract);
        return Page();
    }

    public IActionResult OnPost()
    {
        if (!Load())
            return NotFound();
        var errors = recorder.Check(Decision, out var correctedCodes);
        if (errors.Count > 0)
        {
            foreach (var (field, error) in errors)
                ModelState.AddModelError($"{nameof(Decision)}.{field}", error);
            Similar = queries.Similar(Abstract!);
            return Page();
        }
        recorder.Record(Abstract!, Decision, correctedCodes, User.Identity!.Name!, AuditHosting.Source(HttpContext));
        return Redirect($"/Review?decided={Uri.EscapeDataString($"{Abstract!.FacilityId}/{Abstract.AbstractId}")}&week={Abstract.DischargeDate.AddDays(-(((int)Abstract.DischargeDate.DayOfWeek + 6) % 7)):yyyy-MM-dd}");
    }

    private bool Load()
    {
        if (string.IsNullOrWhiteSpace(Facility) || string.IsNullOrWhiteSpace(AbstractId))
            return false;
        Abstract = queries.Find(Facility.Trim(), AbstractId.Trim());
        return Abstract is not null;
    }
}
