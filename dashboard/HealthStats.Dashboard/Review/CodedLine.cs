namespace HealthStats.Dashboard.Review;

/// <summary>A diagnosis (with its type) or an intervention (with its date) of an abstract, and the code's title.</summary>
public sealed record CodedLine(int Seq, string Code, string? Title, string? Type, DateOnly? Date);
