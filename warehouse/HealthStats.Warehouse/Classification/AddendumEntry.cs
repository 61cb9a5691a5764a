namespace HealthStats.Warehouse.Classification;

/// <summary>One change line of an addenda file: the code (normalised), its billable flag and title as the line gives them.</summary>
public sealed record AddendumEntry(int Line, AddendumChange Change, string Code, bool Billable, string Title)
{
    /// <summary>Delete and Revise from describe the code before the new version; Add and Revise to, from it on.</summary>
    public bool DescribesBefore => Change is AddendumChange.Delete or AddendumChange.ReviseFrom;
}
