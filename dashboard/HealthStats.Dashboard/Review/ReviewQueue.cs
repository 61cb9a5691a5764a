namespace HealthStats.Dashboard.Review;

/// <summary>
/// One week's queue: the budget's share of the highest scored abstracts of each facility not yet decided, with
/// what the filters can choose from (taken from the whole queue, so that a filter never hides its own choices).
/// </summary>
public sealed record ReviewQueue(
    ReviewQueueFilter Filter,
    int BudgetPerFacility,
    IReadOnlyList<QueuedAbstract> Items,
    int QueuedBeforeFilters,
    IReadOnlyDictionary<string, int> DecidedByFacility,
    IReadOnlyList<DateOnly> Weeks)
{
    public IReadOnlyList<string> Facilities { get; init; } = [];

    public IReadOnlyList<string> Coders { get; init; } = [];

    public IReadOnlyList<string> Edits { get; init; } = [];
}
