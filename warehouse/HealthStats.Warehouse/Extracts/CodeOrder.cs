using System.Globalization;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// The order of a dimension's codes in an extract: by a leading number where both have one (age groups
/// 0-4, 5-9, 10-14), else ordinally, so that the order is the same on every machine and in every run.
/// </summary>
internal sealed class CodeOrder : IComparer<string>
{
    public static readonly CodeOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
            return string.CompareOrdinal(x, y);
        if (LeadingNumber(x) is { } a && LeadingNumber(y) is { } b && a != b)
            return a.CompareTo(b);
        return string.CompareOrdinal(x, y);
    }

    private static long? LeadingNumber(string code)
    {
        var digits = code.TakeWhile(char.IsAsciiDigit).Count();
        return digits is > 0 and < 18 ? long.Parse(code.AsSpan(0, digits), CultureInfo.InvariantCulture) : null;
    }
}
