using HealthStats.Dashboard.Accounts;
using HealthStats.Etl.Accounts;
using HealthStats.Etl.ApiTokens;
using HealthStats.Warehouse.Extracts;
using HealthStats.Warehouse.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;

namespace HealthStats.Dashboard.Extracts;

/// <summary>
/// The extract API: GET /api/extracts lists the specs the caller may pull, GET /api/extracts/{spec}
/// answers a zip of exactly what `healthstats extract` writes. GET because pulling changes nothing
/// (the same data and spec give the same bytes) and a browser or curl can fetch it as it is.
/// Callers: a bearer token from `healthstats tokens issue`, for its specs; or a signed-in ministry or
/// admin session, for every spec. Described by OpenAPI at /openapi/v1.json.
/// </summary>
public static class ExtractApi
{
    public const string Policy = "ExtractApi";

    /// <summary>Bearer token when the request carries one, else the sign-in cookie.</summary>
    private const string TokenOrSession = "ApiTokenOrSession";

    private const string BearerSchemeName = "Bearer";

    public static WebApplicationBuilder AddHealthStatsExtractApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => ApiTokenStore.Open(sp.GetRequiredService<DataDirectory>()));
        builder.Services.AddSingleton(sp => new ExtractSpecFolder(sp.GetRequiredService<DataDirectory>()));
        builder.Services.AddSingleton<ExtractRunner>();
        // The audit log replaces this stand-in (AuditHosting.AddHealthStatsAudit).
        builder.Services.TryAddSingleton<IExtractEvents>(NoExtractEvents.Instance);

        builder.Services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddPolicyScheme(TokenOrSession, null, options => options.ForwardDefaultSelector = context =>
                ApiTokenAuthentication.BearerToken(context.Request) is null ? CookieAuthenticationDefaults.AuthenticationScheme : ApiTokenAuthentication.SchemeName);
        // A program, not a person, calls the API: no credentials is a 401 that asks for a token, not a sign-in page.
        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
        {
            var redirect = options.Events.OnRedirectToLogin;
            options.Events.OnRedirectToLogin = context =>
            {
                if (!IsApi(context.Request))
                    return redirect(context);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = BearerSchemeName;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(TokenOrSession)
            .RequireAuthenticatedUser()
            .RequireRole(AccountRoles.Ministry, AccountRoles.Admin));

        builder.Services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "HealthStats extract API";
                document.Info.Description = "Statistical extracts for ministries: suppressed CSV and Parquet tables, a data dictionary and a manifest with the SHA-256 of every file.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A token from `healthstats tokens issue` (hs_...), limited to named specs. A signed-in ministry or admin session's cookie is also accepted.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeName, document)] = [] });
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapExtractApi(this WebApplication app)
    {
        // The description holds no data: anyone may read it, as a client generator would.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

        var group = app.MapGroup("/api").RequireAuthorization(Policy).WithTags("Extracts");
        group.MapGet("/extracts", List)
            .WithName("ListExtracts")
            .WithSummary("The specs the caller may pull")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden);
        group.MapGet("/extracts/{spec}", PullAsync)
            .WithName("PullExtract")
            .WithSummary("Produces the extract of a spec and answers a zip: NAME.csv and NAME.parquet per table, data-dictionary.csv, manifest.json")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip")
            .Produces(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    /// <summary>API answers stay plain (no status page, no sign-in redirect): see SignInHosting.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    private static Ok<ExtractSummary[]> List(HttpContext http, ExtractSpecFolder folder)
    {
        var summaries = folder.Names()
            .Where(name => ExtractAccess.Allows(http.User, name))
            .Select(name =>
            {
                try
                {
                    var spec = ExtractSpecReader.Read(folder.Find(name)!);
                    return new ExtractSummary(name, spec.Description, true, $"/api/extracts/{name}");
                }
                catch (ExtractSpecException)
                {
                    return new ExtractSummary(name, null, false, $"/api/extracts/{name}");
                }
            })
            .ToArray();
        return TypedResults.Ok(summaries);
    }

    private static async Task<IResult> PullAsync(
        string spec, HttpContext http, ExtractSpecFolder folder, ExtractRunner runner, IExtractEvents events, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // Before looking for the file: a token learns nothing about specs it may not pull.
        if (!ExtractAccess.Allows(http.User, spec))
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This token may not pull that spec.");
        if (folder.Find(spec) is not { } file)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No extract spec named '{spec}'.");
        ExtractSpec parsed;
        try
        {
            parsed = ExtractSpecReader.Read(file);
        }
        catch (ExtractSpecException ex)
        {
            // The problems by JSON path, without the server's file path.
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: $"The spec '{spec}' is not valid.",
                extensions: new Dictionary<string, object?> { ["problems"] = ex.Problems.Select(p => p.ToString()).ToArray() });
        }

        IReadOnlyList<(string Name, byte[] Bytes)> files;
        try
        {
            files = await runner.RunAsync(parsed, cancellationToken);
        }
        catch (ExtractRefusedException ex)
        {
            loggers.CreateLogger(typeof(ExtractApi)).LogWarning("Extract {Spec} refused: {Reason}", spec, ex.Message);
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: $"The extract '{spec}' was refused: the disclosure auditor does not pass what it would release.");
        }

        var manifest = files.Single(f => f.Name == ExtractWriter.ManifestFile).Bytes;
        // Audit log: extract downloaded.
        events.ExtractDownloaded(spec, ExtractAccess.Who(http.User), http.Connection.RemoteIpAddress?.ToString(), ExtractWriter.Sha256(manifest));
        return Results.File(ExtractZip.Of(files), "application/zip", $"{spec}.zip");
    }
}
