using System.Security.Cryptography;
using System.Text;

namespace HealthStats.Etl.Deidentification;

/// <summary>
/// Replaces identifiers with keyed HMAC-SHA256 pseudonyms. Without the key a pseudonym cannot be
/// recomputed from a guessed chart or health card number (a plain hash could, by trying them all);
/// with it, the same patient gets the same pseudonym in every batch, so stays link across files.
/// </summary>
public sealed class Pseudonymiser : IDisposable
{
    // An HMAC object keyed once per thread: keying it is most of the cost of a short message, and
    // the object is not thread safe (the dashboard runs several jobs at once).
    private readonly ThreadLocal<HMACSHA256> hmac;

    public Pseudonymiser(byte[] key)
    {
        if (key.Length < 32)
            throw new ArgumentException("The pseudonymisation key must be at least 32 bytes (256 bits).", nameof(key));
        var copy = (byte[])key.Clone();
        hmac = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(copy), trackAllValues: true);
    }

    /// <summary>The patient across facilities: from the health card number where there is one, else the facility's chart.</summary>
    public string PatientKey(string facilityId, string? chartNumber, string? healthCardNumber) =>
        string.IsNullOrWhiteSpace(healthCardNumber)
            ? ChartKey(facilityId, chartNumber)
            : Pseudonym("hcn", Normalise(healthCardNumber));

    /// <summary>The patient's chart at one facility.</summary>
    public string ChartKey(string facilityId, string? chartNumber) =>
        Pseudonym("chart", facilityId.Trim().ToUpperInvariant() + "|" + Normalise(chartNumber ?? ""));

    // Domain-separated so that a chart number never collides with a health card number of the same digits.
    private string Pseudonym(string domain, string value)
    {
        var text = domain + ":" + value;
        Span<byte> input = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(text.Length, 256))];
        var length = text.Length <= 256 ? Encoding.UTF8.GetBytes(text, input) : -1;
        Span<byte> mac = stackalloc byte[32];
        var algorithm = hmac.Value!;
        if (length < 0)
            input = Encoding.UTF8.GetBytes(text);
        if (!algorithm.TryComputeHash(length < 0 ? input : input[..length], mac, out _))
            throw new CryptographicException("HMAC-SHA256 did not fit its 32-byte output.");
        // 128 bits: collisions are negligible for any population, and the column stays compact.
        return Convert.ToHexStringLower(mac[..16]);
    }

    // Spaces, dashes and case are formatting, not identity: "1234-567-890" and "1234567890" are one card.
    private static string Normalise(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    public void Dispose()
    {
        foreach (var algorithm in hmac.Values)
            algorithm.Dispose();
        hmac.Dispose();
    }
}
