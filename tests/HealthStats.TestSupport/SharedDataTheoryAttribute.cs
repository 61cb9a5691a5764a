namespace HealthStats.TestSupport;

/// <summary>A theory that needs ../shared/data: skipped where it is absent, unless CI requires it.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!SharedData.IsAvailable && Environment.GetEnvironmentVariable("HEALTHSTATS_REQUIRE_SHARED") != "1")
            Skip = "../shared/data is not present beside the checkout (set HEALTHSTATS_SHARED_DATA)";
    }
}
