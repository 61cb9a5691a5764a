namespace HealthStats.Dashboard.Review;

/// <summary>The queue's week (its Monday) and what narrows it: facility, coder, an edit that fired, a suggested error type.</summary>
public sealed record ReviewQueueFilter(DateOnly Week, string? Facility = null, string? Coder = null, string? Edit = null, string? ErrorType = null);
