using HealthStats.TestSupport;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// A browser test on ../shared/data: skipped where chromium or the shared data is missing, unless CI requires them
/// (HEALTHSTATS_REQUIRE_CHROMIUM=1, HEALTHSTATS_REQUIRE_SHARED=1), where a missing one fails the test.
/// </summary>
public sealed class SharedDataBrowserFactAttribute : FactAttribute
{
    public SharedDataBrowserFactAttribute()
    {
        Skip = new BrowserFactAttribute().Skip ?? new SharedDataFactAttribute().Skip;
    }
}
