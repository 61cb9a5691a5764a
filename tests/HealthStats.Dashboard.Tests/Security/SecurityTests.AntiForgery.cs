using System.Net;
using System.Text.RegularExpressions;
using HealthStats.Etl.Accounts;

namespace HealthStats.Dashboard.Tests.Security;

public sealed partial class SecurityTests
{
    [Fact]
    public async Task EveryPostForm_OnEveryPageOfEveryRole_CarriesAnAntiForgeryToken()
    {
        var forms = 0;
        var bare = new List<string>();
        foreach (var role in Roles)
        {
            var client = await SignInAsync(Server, role);
            foreach (var path in await PagesFor(role, client))
            {
                using var response = await client.GetAsync(path);
                foreach (Match form in PostForm().Matches(await response.Content.ReadAsStringAsync()))
                {
                    forms++;
                    if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                        bare.Add($"{path} as {role}: {form.Value[..Math.Min(120, form.Value.Length)]}");
                }
            }
        }
        using (var anonymous = Server.AnonymousClient())
        {
            foreach (Match form in PostForm().Matches(await anonymous.GetStringAsync("/Account/SignIn")))
            {
                forms++;
                if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                    bare.Add($"/Account/SignIn: {form.Value[..Math.Min(120, form.Value.Length)]}");
            }
        }

        Assert.True(forms > AccountRoles.All.Count, $"only {forms} forms found");
        Assert.Empty(bare);
    }

    [Fact]
    public async Task EveryFormPost_WithoutItsToken_IsRefused400_AndChangesNothing()
    {
        var supervisor = await SignInAsync(Server, AccountRoles.Supervisor);
        var abstractPath = await FlaggedAbstractPathAsync(supervisor);
        var before = WarehouseCounts();
        var (user, password) = Server.TestAccount(AccountRoles.Analyst);
        // Not /Error/{code}: its POST handler only renders a status page for a re-executed POST and changes nothing.
        var posts = new (HttpClient Client, string Path, Dictionary<string, string> Fields)[]
        {
            (supervisor, abstractPath, new() { ["Decision.Outcome"] = "miscoded", ["Decision.ErrorType"] = "mrdx_sequencing", ["Decision.CorrectedCodes"] = "I10:M" }),
            (supervisor, "/Account/SignOut", []),
            (supervisor, "/Account/SignIn", new() { ["UserName"] = user, ["Password"] = password }),
            (supervisor, "/Account/SignIn?handler=Provider", []),
        };

        foreach (var (client, path, fields) in posts)
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(path, content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token: {(int)response.StatusCode}");
        }

        Assert.Equal(before, WarehouseCounts());
        // Still signed in: the sign-out without its token did not end the session.
        using var home = await supervisor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    /// <summary>The pages with a POST handler that EveryFormPost_WithoutItsToken_IsRefused400_AndChangesNothing posts to.</summary>
    private static readonly string[] PostedPages = ["/Review/Abstract", "/Account/SignOut", "/Account/SignIn"];

    /// <summary>POST handlers that change nothing: the status page renders for a re-executed POST.</summary>
    private static readonly string[] ReadOnlyPostPages = ["/Error"];

    [Fact]
    public void EveryPageWithAPostHandler_IsPostedWithoutItsToken_ByTheTestAbove()
    {
        var withPost = typeof(HealthStats.Dashboard.Hosting.HealthStatsOptions).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)))
            .Where(t => t.GetMethods().Any(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            .Select(t => t.Namespace!.Split(".Pages")[1].Replace('.', '/') + "/" + t.Name[..^"Model".Length])
            .ToList();

        Assert.NotEmpty(withPost);
        Assert.Empty(withPost.Except(PostedPages).Except(ReadOnlyPostPages));
    }

    [Fact]
    public async Task FormPost_WithAnotherSessionsToken_IsRefused400()
    {
        var supervisor = await SignInAsync(Server, AccountRoles.Supervisor);
        var admin = await SignInAsync(Server, AccountRoles.Admin);
        var path = await FlaggedAbstractPathAsync(supervisor);
        var adminToken = WebUtility.HtmlDecode(TokenValue().Match(await admin.GetStringAsync(path)).Groups[1].Value);
        var before = WarehouseCounts();

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision.Outcome"] = "correct", ["__RequestVerificationToken"] = adminToken,
        });
        using var response = await supervisor.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, WarehouseCounts());
    }

    [Fact]
    public async Task InternalPosts_WithoutTheCliToken_AreRefused_EvenForAnAdminSession()
    {
        var posts = AuthorizationMatrixTests.Matrix.Keys.Where(k => k.StartsWith("POST /internal", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(posts);
        var admin = await SignInAsync(Server, AccountRoles.Admin);
        var before = WarehouseCounts();
        foreach (var post in posts)
        {
            using var content = new StringContent("{\"paths\":[]}", System.Text.Encoding.UTF8, "application/json");
            using var response = await admin.PostAsync(post[5..], content);
            using var wrong = new HttpRequestMessage(HttpMethod.Post, post[5..]) { Content = new StringContent("{\"paths\":[]}", System.Text.Encoding.UTF8, "application/json") };
            wrong.Headers.Add(HealthStats.Etl.Handoff.RunningServer.TokenHeader, "0000");
            using var withWrongToken = await admin.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, withWrongToken.StatusCode);
        }
        Assert.Equal(before, WarehouseCounts());
    }

    [Fact]
    public async Task HangfireDashboardPost_WithoutItsAntiForgeryHeader_IsRefused_EvenForAnAdmin()
    {
        var admin = await SignInAsync(Server, AccountRoles.Admin);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "inbox-scan" });

        using var response = await admin.PostAsync("/hangfire/recurring/trigger", content);

        Assert.True((int)response.StatusCode >= 400, $"Hangfire took a post without its token: {(int)response.StatusCode}");
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenValue();
}
