using System.Net;
using System.Security.Claims;
using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Hosting;
using HealthStats.Etl.Accounts;
using HealthStats.Etl.Handoff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// Every endpoint the app maps, found in its EndpointDataSource (so a new one cannot be left out),
/// requested anonymously and as every role over a real port, against the matrix below: a page for
/// some roles answers 200 to them, 403 to the other roles and a redirect to sign-in to anonymous.
/// An endpoint missing from the matrix fails the test until its row is written.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AuthorizationMatrixTests(EmptyDashboard dashboard, ITestOutputHelper output) : IClassFixture<EmptyDashboard>
{
    internal const string Anonymous = "anonymous";

    /// <summary>Method and route pattern, the roles that may use it, and a path to request it by.</summary>
    internal static readonly Dictionary<string, Rule> Matrix = new(StringComparer.Ordinal)
    {
        ["GET /"] = Rule.ForRoles("/", PageRoles.Everyone),
        ["GET /Index"] = Rule.ForRoles("/Index", PageRoles.Everyone),
        ["GET /Facilities"] = Rule.ForRoles("/Facilities", PageRoles.Everyone),
        ["GET /Rates"] = Rule.ForRoles("/Rates", PageRoles.Everyone),
        // What an extract would release: ministries see exactly what they would get (PublicationPageTests).
        ["GET /Publication"] = Rule.ForRoles("/Publication", PageRoles.Everyone),
        // Coder-level figures: not for ministry users (its charts' downloads neither: OperationsPageTests).
        ["GET /Operations"] = Rule.ForRoles("/Operations", PageRoles.Staff),
        ["GET /Diagnoses"] = Rule.ForRoles("/Diagnoses?chapter=IX&view=ccsr", PageRoles.Everyone),
        ["GET /Interventions"] = Rule.ForRoles("/Interventions?chapter=0", PageRoles.Everyone),
        ["GET /charts/{file}"] = Rule.ForRoles("/charts/discharges-by-chapter.csv", PageRoles.Everyone),
        ["GET /Classifications"] = Rule.ForRoles("/Classifications", PageRoles.Everyone),
        ["GET /Data"] = Rule.ForRoles("/Data", PageRoles.Staff),
        // Record-level review: supervisors and admins (ReviewPagesTests decides on abstracts).
        ["GET /Review"] = Rule.ForRoles("/Review", PageRoles.Supervisors),
        ["GET /Review/Index"] = Rule.ForRoles("/Review/Index", PageRoles.Supervisors),
        ["GET /Review/Quality"] = Rule.ForRoles("/Review/Quality", PageRoles.Supervisors),
        ["GET /Review/Abstract"] = Rule.ForRoles("/Review/Abstract?facility=F999&abstract=none", PageRoles.Supervisors) with { Allowed = HttpStatusCode.NotFound },
        ["GET /Account/SignIn"] = Rule.Public("/Account/SignIn", HttpStatusCode.OK),
        ["GET /Account/SignOut"] = Rule.ForRoles("/Account/SignOut", PageRoles.Everyone),
        // The status page answers with the status it names, to anyone.
        ["GET /Error/{code:int}"] = Rule.Public("/Error/404", HttpStatusCode.NotFound),
        // Who signed in, extracts and tokens: admins only.
        ["GET /Audit"] = Rule.ForRoles("/Audit", PageRoles.Admin),
        ["GET /Audit/export.csv"] = Rule.ForRoles("/Audit/export.csv", PageRoles.Admin),
        ["GET /hangfire/{**path}"] = Rule.ForRoles("/hangfire/recurring", PageRoles.Admin),
        // The CLI's hand-off: no sign-in opens it, only the token of server.json (then: no paths, no such job).
        ["POST /internal/ingest"] = Rule.TokenOnly("/internal/ingest", HttpStatusCode.BadRequest),
        ["GET /internal/ingest/{jobId}"] = Rule.TokenOnly("/internal/ingest/999999", HttpStatusCode.NotFound),
        ["POST /internal/labels"] = Rule.TokenOnly("/internal/labels", HttpStatusCode.BadRequest),
        // Training and flagging an empty warehouse: nothing to learn from or score, answered at once.
        ["POST /internal/train"] = Rule.TokenOnly("/internal/train", HttpStatusCode.OK),
        ["POST /internal/flag"] = Rule.TokenOnly("/internal/flag", HttpStatusCode.OK),
        // The extract API: a bearer token from `healthstats tokens`, or a ministry or admin session; no
        // credentials is 401, not a sign-in page (then: the empty spec list, no such spec). ExtractApiTests pulls one.
        ["GET /api/extracts"] = Rule.Bearer("/api/extracts", AccountRoles.Ministry + "," + AccountRoles.Admin, HttpStatusCode.OK),
        ["GET /api/extracts/{spec}"] = Rule.Bearer("/api/extracts/no-such-spec", AccountRoles.Ministry + "," + AccountRoles.Admin, HttpStatusCode.NotFound),
        // The API's description holds no data: anyone may read it.
        ["GET /openapi/{documentName}.json"] = Rule.Public("/openapi/v1.json", HttpStatusCode.OK),
    };

    private DashboardServer Server => dashboard.Server;

    [Fact]
    public async Task EveryEndpoint_AnswersEveryRoleAndAnonymous_AsTheMatrixDeclares()
    {
        var endpoints = MappedEndpoints();
        var undeclared = endpoints.Where(e => !Matrix.ContainsKey(e)).ToList();
        var gone = Matrix.Keys.Where(k => !endpoints.Contains(k)).ToList();
        Assert.True(undeclared.Count == 0, $"endpoints with no row in the matrix: {string.Join(", ", undeclared)}");
        Assert.True(gone.Count == 0, $"matrix rows for endpoints the app no longer maps: {string.Join(", ", gone)}");

        var clients = new Dictionary<string, HttpClient> { [Anonymous] = Server.AnonymousClient() };
        foreach (var role in AccountRoles.All)
            clients[role] = await Server.SignInAsync(role);
        var token = Server.Services.GetRequiredService<WarehouseOwner>().Token;
        var mismatches = new List<string>();
        try
        {
            foreach (var (endpoint, rule) in Matrix)
            {
                var method = new HttpMethod(endpoint.Split(' ')[0]);
                foreach (var (caller, client) in clients)
                {
                    using var response = await client.SendAsync(Request(method, rule.Path, token: null));
                    var expected = rule.Expected(caller);
                    var actual = Describe(response);
                    output.WriteLine($"{endpoint,-28} {caller,-11} {actual}");
                    if (actual != expected)
                        mismatches.Add($"{endpoint} as {caller}: expected {expected}, got {actual}");
                }
                if (rule.IsBearer)
                {
                    // A token that is not one of `healthstats tokens issue` is refused like none.
                    using var bogus = Request(method, rule.Path, token: null);
                    bogus.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "hs_not-a-token");
                    using var response = await clients[Anonymous].SendAsync(bogus);
                    if (response.StatusCode != HttpStatusCode.Unauthorized)
                        mismatches.Add($"{endpoint} with an unknown bearer token: expected 401, got {(int)response.StatusCode}");
                }
                if (rule.WithToken is { } withToken)
                {
                    using var response = await clients[Anonymous].SendAsync(Request(method, rule.Path, token));
                    if (response.StatusCode != withToken)
                        mismatches.Add($"{endpoint} with the CLI's token: expected {(int)withToken}, got {(int)response.StatusCode}");
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
                client.Dispose();
        }
        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task FallbackPolicy_RefusesEvenAnAdmin_WhatDeclaresNoRoles()
    {
        var services = Server.Services;
        var fallback = await services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        var admin = SignInClaims.Principal("someone", [AccountRoles.Admin], SignInClaims.LocalMethod);

        Assert.NotNull(fallback);
        Assert.False((await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(admin, fallback)).Succeeded);
        Assert.False((await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), fallback)).Succeeded);
    }

    [Fact]
    public async Task RemovedAccount_IsSignedOut_AtItsNextRequest()
    {
        var (user, _) = Server.TestAccount(AccountRoles.Supervisor);
        using var client = await Server.SignInAsync(AccountRoles.Supervisor);
        using (var before = await client.GetAsync("/"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        Assert.True(Server.Accounts.Remove(user));
        using var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/SignIn?ReturnUrl=", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliUsersAdd_WhileTheDashboardRuns_MakesAnAccountThatSignsInAtOnce()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await HealthStats.Cli.CliApp.RunAsync(["users", "add", "nadia", "--role", "ministry", "--data", Server.DataDirectory], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        var password = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
        using var client = await HealthStats.Etl.Benchmarks.DashboardSignIn.SignInAsync(Server.BaseAddress, "nadia", password, TimeSpan.FromSeconds(30), CancellationToken.None);
        using var home = await client.GetAsync("/");
        using var jobs = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("nadia (ministry)", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, jobs.StatusCode);
    }

    [Fact]
    public async Task UnknownPath_Is404ForASignedInUser_AndSendsAnonymousToSignIn()
    {
        using var analyst = await Server.SignInAsync(AccountRoles.Analyst);
        using var anonymous = Server.AnonymousClient();

        using var signedIn = await analyst.GetAsync("/no/such/page");
        using var notSignedIn = await anonymous.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
        Assert.Contains("There is no such page.", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("302 sign-in", Describe(notSignedIn));
    }

    // "METHOD /pattern" for every route the app maps; Razor pages answer any method and are asked with GET.
    private List<string> MappedEndpoints() => MappedEndpoints(Server.Services);

    internal static List<string> MappedEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
            request.Content = new StringContent("{\"paths\":[]}", System.Text.Encoding.UTF8, "application/json");
        if (token is not null)
            request.Headers.Add(RunningServer.TokenHeader, token);
        return request;
    }

    // The status, and for a redirect whether it goes to sign-in with the page to come back to.
    private static string Describe(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.OriginalString.Contains("/Account/SignIn?ReturnUrl=", StringComparison.Ordinal) ? "302 sign-in" : $"302 {response.Headers.Location}"
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal sealed record Rule(string Path, string[] Roles, bool IsPublic, HttpStatusCode Allowed, HttpStatusCode? WithToken, bool IsBearer = false)
    {
        /// <summary>An API endpoint: bearer token or the roles' sessions; anonymous gets 401, not a redirect.</summary>
        public static Rule Bearer(string path, string roles, HttpStatusCode allowed) => new(path, roles.Split(','), false, allowed, null, IsBearer: true);

        public static Rule ForRoles(string path, string roles) => new(path, roles.Split(','), false, HttpStatusCode.OK, null);

        public static Rule Public(string path, HttpStatusCode status) => new(path, [], true, status, null);

        public static Rule TokenOnly(string path, HttpStatusCode withToken) => new(path, [], false, HttpStatusCode.Forbidden, withToken);

        public string Expected(string caller)
        {
            if (IsPublic)
                return ((int)Allowed).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (WithToken is not null)
                return "403"; // neither anonymous nor any role, without the token
            if (caller == Anonymous)
                return IsBearer ? "401" : "302 sign-in";
            return Roles.Contains(caller) ? ((int)Allowed).ToString(System.Globalization.CultureInfo.InvariantCulture) : "403";
        }
    }
}
