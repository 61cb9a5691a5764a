namespace HealthStats.Etl.Ingest.Limits;

/// <summary>
/// The bounds that keep a hostile or broken file from exhausting memory or time (README, "Input formats").
/// They are far above what a real abstract needs, so only a broken file meets them.
/// </summary>
public static class InputLimits
{
    /// <summary>
    /// The longest line (characters) any reader holds: a real abstract is well under 10,000 characters in
    /// CSV and under 100,000 as a FHIR bundle. Only this much of a longer line is kept; the rest is skipped.
    /// </summary>
    public const int MaxLineChars = 1 << 22;

    /// <summary>
    /// Characters of lines read ahead for parallel parsing: bounds the look-ahead window by size as well as
    /// by count, so that a file of long lines cannot fill memory with pending ones.
    /// </summary>
    public const long MaxReadAheadChars = 32L << 20;

    /// <summary>A gzip file may inflate to at most this many times its compressed size...</summary>
    public const long MaxDecompressionRatio = 100;

    /// <summary>...or to this many bytes, whichever is larger: a small file is not refused for compressing well.</summary>
    public const long MinDecompressedLimit = 256L << 20;
}
