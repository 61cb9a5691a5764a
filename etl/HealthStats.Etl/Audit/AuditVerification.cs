namespace HealthStats.Etl.Audit;

/// <summary>
/// The outcome of checking the chain: intact with its entry count and last hash (worth writing down
/// elsewhere: a chain cannot show by itself that entries were cut off its end), or the first entry
/// that breaks it and why.
/// </summary>
public sealed record AuditVerification(bool IsIntact, long VerifiedEntries, string? LastHash, long? FirstBadSequence, string? Problem)
{
    public static AuditVerification Intact(long count, string lastHash) => new(true, count, lastHash, null, null);

    public static AuditVerification Broken(long verified, long sequence, string problem) => new(false, verified, null, sequence, problem);
}
