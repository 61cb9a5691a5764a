namespace HealthStats.Dashboard.Review;

/// <summary>HealthStats:Review: how much a supervisor can audit.</summary>
public sealed class ReviewOptions
{
    /// <summary>
    /// Abstracts a supervisor audits per facility and week of discharge; the queue holds that many of the
    /// highest scored, less those already decided that week.
    /// </summary>
    public int WeeklyBudgetPerFacility { get; set; } = 20;
}
