using System.Globalization;
using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages.Review;

/// <summary>
/// The supervisor's queue for a week of discharges: the highest scored abstracts of each facility within the
/// audit budget, narrowed by facility, coder, an edit that fired, or the error type the edits suggest.
/// </summary>
[Authorize(Roles = PageRoles.Supervisors)]
public sealed class IndexModel(ReviewQueueQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Week { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Facility { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Coder { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    [BindProperty(SupportsGet = true, Name = "error_type")]
    public string? ErrorType { get; set; }

    /// <summary>The abstract a decision was just recorded for, to confirm it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Decided { get; set; }

    public ReviewQueue? Queue { get; private set; }

    public void OnGet()
    {
        var weeks = queries.Weeks();
        if (weeks.Count == 0)
            return;
        var week = DateOnly.TryParseExact(Week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked)
            ? asked.AddDays(-(((int)asked.DayOfWeek + 6) % 7))
            : weeks[0];
        Queue = queries.Queue(new ReviewQueueFilter(week, Blank(Facility), Blank(Coder), Blank(Edit), Blank(ErrorType)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
