using System.Globalization;
using System.Net;
using HealthStats.Dashboard.Filters;
using HealthStats.Etl.Accounts;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// The overview under filters from the URL, and its chart's downloads: the CSV holds what the
/// indicator library computes for the same filters, the PNG and SVG are images of that chart.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ChartDownloadTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    [Fact]
    public async Task Csv_IsTheIndicatorsRows_ForTheFiltersInTheQuery()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var (facility, year) = FirstFacilityAndYear();
        var database = server.Services.GetRequiredService<WarehouseDatabase>();

        var all = Csv(await server.Client.GetStringAsync("/charts/discharges-by-chapter.csv"));
        var filtered = Csv(await server.Client.GetStringAsync($"/charts/discharges-by-chapter.csv?facility={facility}&fy_from={year}&fy_to={year}"));

        Assert.Equal(["month", "chapter", "chapter_title", "discharges"], all[0]);
        var abstracts = IndicatorLibrary.Compute(database, "discharges", new IndicatorRequest()).Rows.Single().Value;
        Assert.Equal(abstracts, all.Skip(1).Sum(r => double.Parse(r[^1], CultureInfo.InvariantCulture)));
        var expected = IndicatorLibrary.Compute(database, "discharges", new IndicatorRequest { Where = [new("facility", facility), new("fiscal_year", year)] }).Rows.Single().Value;
        Assert.Equal(expected, filtered.Skip(1).Sum(r => double.Parse(r[^1], CultureInfo.InvariantCulture)));
        Assert.True(filtered.Count < all.Count);
        Assert.All(filtered.Skip(1), r => Assert.Equal(year, FiscalYearOf(r[0])));
    }

    [Fact]
    public async Task PngAndSvg_AreImagesOfTheChart_AsAttachments()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));

        using var png = await server.Client.GetAsync("/charts/discharges-by-chapter.png?width=800&height=400");
        using var svg = await server.Client.GetAsync("/charts/discharges-by-chapter.svg");

        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(800, ReadBigEndian(bytes, 16));
        Assert.Equal(400, ReadBigEndian(bytes, 20));
        Assert.Equal("attachment", png.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        var text = await svg.Content.ReadAsStringAsync();
        Assert.Equal("svg", System.Xml.Linq.XDocument.Parse(text).Root!.Name.LocalName);
        Assert.Contains("Discharges per month by ICD-10 chapter", text, StringComparison.Ordinal);
        Assert.Contains("DejaVu Sans", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_OfNoSuchChartOrFormat_AreNotFound_AndNeedSignIn()
    {
        using var anonymous = server.AnonymousClient();
        using var ministry = await server.SignInAsync(AccountRoles.Ministry);

        using var noChart = await server.Client.GetAsync("/charts/no-such-chart.png");
        using var noFormat = await server.Client.GetAsync("/charts/discharges-by-chapter.gif");
        using var notSignedIn = await anonymous.GetAsync("/charts/discharges-by-chapter.csv");
        using var asMinistry = await ministry.GetAsync("/charts/discharges-by-chapter.csv");

        Assert.Equal(HttpStatusCode.NotFound, noChart.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noFormat.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, notSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asMinistry.StatusCode);
    }

    [Fact]
    public async Task Overview_AppliesTheFiltersOfItsUrl_AndKeepsThemInItsDownloadLinks()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var (facility, year) = FirstFacilityAndYear();
        var database = server.Services.GetRequiredService<WarehouseDatabase>();

        var html = await server.Client.GetStringAsync($"/?facility={facility}&fy_from={year}&fy_to={year}");

        var expected = IndicatorLibrary.Compute(database, "discharges", new IndicatorRequest { Where = [new("facility", facility), new("fiscal_year", year)] }).Rows.Single().Value!.Value;
        var headline = html[html.IndexOf("id=\"headline-discharges\"", StringComparison.Ordinal)..];
        headline = headline[..headline.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains($">{expected.ToString("N0", CultureInfo.InvariantCulture)}<", headline, StringComparison.Ordinal);
        Assert.Contains($"href=\"/charts/discharges-by-chapter.csv?facility={facility}&amp;fy_from={year}&amp;fy_to={year}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{facility}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"filters-not-applied\"", html, StringComparison.Ordinal);
    }

    private (string Facility, string Year) FirstFacilityAndYear()
    {
        var choices = FilterChoices.Load(server.Services.GetRequiredService<WarehouseDatabase>());
        return (choices.Facilities[0], choices.FiscalYears[^1].ToString(CultureInfo.InvariantCulture));
    }

    private static string FiscalYearOf(string month)
    {
        var date = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (date.Month >= 4 ? date.Year : date.Year - 1).ToString(CultureInfo.InvariantCulture);
    }

    private static List<string[]> Csv(string text) =>
        text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(',')).ToList();

    private static int ReadBigEndian(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
}
