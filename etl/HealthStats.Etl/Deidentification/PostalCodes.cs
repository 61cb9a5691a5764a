namespace HealthStats.Etl.Deidentification;

public static class PostalCodes
{
    /// <summary>The forward sortation area (first three characters): a region of thousands of people, not an address.</summary>
    public static string? Fsa(string? postalCode)
    {
        if (string.IsNullOrWhiteSpace(postalCode))
            return null;
        Span<char> kept = stackalloc char[3];
        var n = 0;
        foreach (var c in postalCode)
        {
            if (!char.IsLetterOrDigit(c))
                continue;
            kept[n++] = char.ToUpperInvariant(c);
            if (n == 3)
                return new string(kept);
        }
        return null; // too short to hold an FSA: keep nothing rather than a partial code
    }
}
