namespace HealthStats.Dashboard.Review;

/// <summary>The supervisors' review: queue, abstract page, decisions, coding-quality statistics.</summary>
public static class ReviewHosting
{
    public static WebApplicationBuilder AddHealthStatsReview(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReviewQueueQueries>();
        builder.Services.AddSingleton<ReviewedAbstractQueries>();
        builder.Services.AddSingleton<DecisionRecorder>();
        builder.Services.AddSingleton<CodingQualityQueries>();
        return builder;
    }
}
