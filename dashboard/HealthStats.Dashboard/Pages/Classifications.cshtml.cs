using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Classifications;
using HealthStats.Warehouse.Classification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages;

/// <summary>
/// The classification browser: search diagnosis or intervention codes by code or by words of their titles, and
/// open one (?kind=diagnosis&amp;code=E119) to see where it sits, which versions hold it and how often it is coded.
/// Everything is in the query string, so that a search or a code can be bookmarked and sent to a colleague.
/// </summary>
[Authorize(Roles = PageRoles.Everyone)]
public sealed class ClassificationsModel(ClassificationQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public ClassificationKind SelectedKind { get; private set; }

    public CodeSearchResult? Results { get; private set; }

    public CodeDetail? Detail { get; private set; }

    /// <summary>The code asked for, as typed, when no version holds it.</summary>
    public string? MissingCode { get; private set; }

    public string Display(string code) => CodeFormat.Display(SelectedKind, code);

    public string KindName => SelectedKind == ClassificationKind.Intervention ? "intervention" : "diagnosis";

    /// <summary>A chapter or block with its title; a dash where the classification places the code in none.</summary>
    public static string Describe(string? id, string? title) => id is null ? "—" : title is null ? id : $"{id} {title}";

    public void OnGet()
    {
        // Anything but "intervention" is a diagnosis search: the page always answers rather than failing on a stray value.
        SelectedKind = string.Equals(Kind, "intervention", StringComparison.OrdinalIgnoreCase)
            ? ClassificationKind.Intervention
            : ClassificationKind.Diagnosis;
        var search = CodeSearch.Parse(Q);
        if (!search.IsEmpty)
            Results = queries.Search(SelectedKind, search);
        if (string.IsNullOrWhiteSpace(Code))
            return;
        Detail = queries.Find(SelectedKind, ClassificationFiles.NormaliseCode(Code.Trim()));
        if (Detail is null)
        {
            MissingCode = Code.Trim();
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
