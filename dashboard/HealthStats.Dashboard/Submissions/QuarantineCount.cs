namespace HealthStats.Dashboard.Submissions;

/// <summary>Open quarantined records of one facility or batch (<see cref="Note"/>: the batch's file). Never a record's content.</summary>
public sealed record QuarantineCount(string Key, string Note, long Open);
