using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HealthStats.Dashboard.Accounts;
using HealthStats.Etl.Accounts;
using HealthStats.Etl.Benchmarks;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// The real dashboard on a real Kestrel port with its own data directory, started once per test
/// class: a fresh start with the demo enabled, as a new user gets it. Client is signed in as an
/// admin; SignInAsync(role) gives a client of another role.
/// </summary>
public sealed partial class DashboardServer : IDisposable
{
    private const string TestAdmin = "test-admin";

    private readonly WebApplicationFactory<HealthStats.Dashboard.Hosting.HealthStatsOptions> factory;
    private readonly bool ownsData;
    private readonly StringWriter console = new();
    private readonly ConcurrentDictionary<string, string> testPasswords = new(StringComparer.Ordinal);

    public DashboardServer()
        : this(new TempDirectory("dashboard"), ownsData: true)
    {
    }

    /// <summary>A server on an existing data directory: a restart, as far as that directory can tell.</summary>
    internal DashboardServer(TempDirectory data, bool ownsData, bool demo = true, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        Data = data;
        this.ownsData = ownsData;
        // Outside the demo the dashboard makes no key: a site configures one (a test that wants none says so).
        if (!demo && !(settings?.ContainsKey("HealthStats:HmacKey") ?? false))
            TestHmacKey.WriteInto(Data.Combine("data"));
        factory = new WebApplicationFactory<HealthStats.Dashboard.Hosting.HealthStatsOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("HealthStats:DataDirectory", Data.Combine("data"));
            builder.UseSetting("HealthStats:Demo:Abstracts", "3000");
            builder.UseSetting("HealthStats:Demo:Enabled", demo ? "true" : "false");
            builder.UseSetting("Urls", "http://127.0.0.1:0");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                builder.UseSetting(key, value);
            // The demo accounts' passwords go to this writer instead of the test process's console.
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(new DemoAccountsConsole(console));
                testServices?.Invoke(services);
            });
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal));
        Accounts = AccountStore.Open(new DataDirectory(DataDirectory));
        Client = SignInAsync(TestAdmin, AccountRoles.Admin).GetAwaiter().GetResult();
    }

    public IServiceProvider Services => factory.Services;

    /// <summary>The data directory's accounts file, as `healthstats users` writes it.</summary>
    public AccountStore Accounts { get; }

    /// <summary>What the dashboard printed on its console: the demo accounts, on a first start.</summary>
    public string ConsoleOutput => console.ToString();

    /// <summary>The demo accounts' passwords by user name, read from what the dashboard printed.</summary>
    public IReadOnlyDictionary<string, string> DemoPasswords =>
        DemoAccountLine().Matches(ConsoleOutput).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    public TempDirectory Data { get; }

    public string DataDirectory => Data.Combine("data");

    public Uri BaseAddress { get; }

    /// <summary>Signed in as an admin (redirects are not followed).</summary>
    public HttpClient Client { get; }

    /// <summary>A client that has not signed in (redirects are not followed).</summary>
    public HttpClient AnonymousClient() => DashboardSignIn.Anonymous(BaseAddress, TimeSpan.FromSeconds(30));

    /// <summary>
    /// A client signed in through the sign-in form as a test account of the role (made on first
    /// use, as `healthstats users add` makes one; after a restart its password is set anew).
    /// </summary>
    public Task<HttpClient> SignInAsync(string role) => SignInAsync($"test-{role}", role);

    public string TestPassword(string userName) => testPasswords[userName];

    /// <summary>The test account of the role and its password (made on first use).</summary>
    public (string User, string Password) TestAccount(string role)
    {
        var user = $"test-{role}";
        return (user, Password(user, role));
    }

    private Task<HttpClient> SignInAsync(string userName, string role) =>
        DashboardSignIn.SignInAsync(BaseAddress, userName, Password(userName, role), TimeSpan.FromSeconds(30), CancellationToken.None);

    private string Password(string userName, string role) =>
        testPasswords.GetOrAdd(userName, _ =>
        {
            var fresh = GeneratedPassword.New();
            if (Accounts.Find(userName) is null)
                Accounts.Add(userName, role, fresh);
            else
                Accounts.SetPassword(userName, fresh);
            return fresh;
        });

    /// <summary>Polls the home page until it shows data, or fails after the time a user would wait.</summary>
    public async Task<string> WaitForHomePageWithDataAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        string html;
        do
        {
            html = await Client.GetStringAsync("/");
            if (html.Contains("id=\"top-diagnoses\"", StringComparison.Ordinal))
                return html;
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"The home page showed no data within {within.TotalSeconds} s:\n{html[..Math.Min(html.Length, 2000)]}");
    }

    public void Dispose()
    {
        Client.Dispose();
        factory.Dispose();
        console.Dispose();
        if (ownsData)
            Data.Dispose();
    }

    [GeneratedRegex(@"^  user (\S+) +password (\S+)$", RegexOptions.Multiline)]
    private static partial Regex DemoAccountLine();
}
