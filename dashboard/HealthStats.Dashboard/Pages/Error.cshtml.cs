using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages;

/// <summary>
/// The page shown for an error status with no body of its own (re-executed by the status code
/// pages middleware), keeping the status: above all 403 for a signed-in user without the role.
/// Open to everyone, as it must be for a user who may see nothing else.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed with the method of the request that failed, POST included
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
    }

    public void OnPost(int code) => OnGet(code);
}
