namespace HealthStats.Dashboard.Tests;

/// <summary>
/// A test that drives Debian's chromium: skipped where chromium and chromedriver are not installed,
/// unless HEALTHSTATS_REQUIRE_CHROMIUM=1 (CI), where a missing browser fails the test.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Browser.IsInstalled && Environment.GetEnvironmentVariable("HEALTHSTATS_REQUIRE_CHROMIUM") != "1")
            Skip = $"{Browser.ChromiumPath} and {Browser.ChromeDriverPath} are not installed (apt-get install chromium chromium-driver); HEALTHSTATS_REQUIRE_CHROMIUM=1 fails instead";
    }
}
