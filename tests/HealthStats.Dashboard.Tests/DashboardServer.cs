using HealthStats.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// The real dashboard on a real Kestrel port with its own data directory, started once per test
/// class: a fresh start with the demo enabled, as a new user gets it.
/// </summary>
public sealed class DashboardServer : IDisposable
{
    private readonly WebApplicationFactory<HealthStats.Dashboard.Hosting.HealthStatsOptions> factory;
    private readonly bool ownsData;

    public DashboardServer()
        : this(new TempDirectory("dashboard"), ownsData: true)
    {
    }

    /// <summary>A server on an existing data directory: a restart, as far as that directory can tell.</summary>
    internal DashboardServer(TempDirectory data, bool ownsData)
    {
        Data = data;
        this.ownsData = ownsData;
        factory = new WebApplicationFactory<HealthStats.Dashboard.Hosting.HealthStatsOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("HealthStats:DataDirectory", Data.Combine("data"));
            builder.UseSetting("HealthStats:Demo:Abstracts", "3000");
            builder.UseSetting("Urls", "http://127.0.0.1:0");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal));
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public TempDirectory Data { get; }

    public string DataDirectory => Data.Combine("data");

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

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
        if (ownsData)
            Data.Dispose();
    }
}
