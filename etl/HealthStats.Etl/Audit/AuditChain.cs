using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HealthStats.Etl.Audit;

/// <summary>
/// The hash chain: each entry's hash is SHA-256 over a canonical encoding of its fields and the hash
/// of the entry before it (the first chains from Genesis). Editing, deleting, inserting or reordering
/// an entry changes a hash or leaves a gap in the sequence, which Verify names. The encoding is
/// written out in the README so that an auditor can re-check an export with tools of their own.
/// </summary>
public static class AuditChain
{
    /// <summary>What the first entry chains from: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string Version = "healthstats-audit-v1";

    /// <summary>
    /// "healthstats-audit-v1\n" then, for sequence, time, actor, action, target, source and the
    /// previous hash in that order, the field's length in UTF-8 bytes, ':', the field and '\n'.
    /// Length prefixes make the encoding unambiguous whatever characters a field holds.
    /// </summary>
    public static byte[] Canonical(long sequence, DateTimeOffset time, string actor, string action, string target, string source, string previousHash)
    {
        var text = new StringBuilder(Version).Append('\n');
        foreach (var field in new[] { sequence.ToString(CultureInfo.InvariantCulture), FormatTime(time), actor, action, target, source, previousHash })
            text.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string Hash(long sequence, DateTimeOffset time, string actor, string action, string target, string source, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(sequence, time, actor, action, target, source, previousHash)));

    /// <summary>UTC to the millisecond, as stored: 2026-11-30T13:47:17.123Z.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Checks entries in the order given (the log's sequence order): sequences 1, 2, 3... without a
    /// gap, each previous hash the hash of the entry before, each hash recomputed from the fields.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries)
    {
        var previous = Genesis;
        var expected = 1L;
        var count = 0L;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expected)
            {
                return AuditVerification.Broken(count, entry.Sequence, entry.Sequence > expected
                    ? $"entry {entry.Sequence} follows entry {expected - 1}: entries {expected} to {entry.Sequence - 1} are missing"
                    : $"entry {entry.Sequence} is out of order after entry {expected - 1}");
            }
            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
                return AuditVerification.Broken(count, entry.Sequence, $"entry {entry.Sequence} does not chain from the entry before it (previous hash {entry.PreviousHash}, expected {previous})");
            var hash = Hash(entry.Sequence, entry.Time, entry.Actor, entry.Action, entry.Target, entry.Source, previous);
            if (!string.Equals(entry.Hash, hash, StringComparison.Ordinal))
                return AuditVerification.Broken(count, entry.Sequence, $"entry {entry.Sequence} does not match its hash: it was altered after it was written");
            previous = entry.Hash;
            expected++;
            count++;
        }
        return AuditVerification.Intact(count, count == 0 ? Genesis : previous);
    }
}
