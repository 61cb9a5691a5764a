namespace HealthStats.Etl.Generation;

/// <summary>
/// Eight health regions with the forward sortation areas (first three characters of a Canadian postal
/// code) that lie in them, Ontario-style. A patient's postal code always falls in their region.
/// </summary>
internal static class Geography
{
    public static readonly string[] RegionCodes = ["R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08"];

    /// <summary>Relative populations, for patients who live outside their hospital's region.</summary>
    public static readonly double[] RegionWeights = [12, 6, 22, 20, 10, 11, 9, 4];

    public static readonly string[][] Fsas =
    [
        ["K1B", "K1C", "K1G", "K1H", "K1K", "K1L", "K1N", "K1S", "K1V", "K1Z", "K2A", "K2B", "K2C", "K2G", "K2J"],
        ["K7K", "K7L", "K7M", "K7P", "K0H", "K6V", "K6H", "K8N"],
        ["M4C", "M4E", "M5A", "M5V", "M6G", "M6H", "M1B", "M1E", "M2N", "M3C", "M9V"],
        ["L4C", "L4T", "L5A", "L5B", "L6P", "L6Y", "L1G", "L1H", "L3R"],
        ["L8L", "L8M", "L8N", "L9A", "L9C", "L2E", "L2G", "L2M"],
        ["N6A", "N6C", "N6E", "N5V", "N8X", "N9A", "N9B", "N7S"],
        ["N2G", "N2H", "N2L", "N1E", "N1G", "N3C"],
        ["P3A", "P3B", "P3E", "P7A", "P7B", "P6A", "P1B", "P0M"],
    ];

    /// <summary>Letters Canada Post uses in postal codes (never D, F, I, O, Q, U).</summary>
    public const string PostalLetters = "ABCEGHJKLMNPRSTVWXYZ";

    /// <summary>Number of distinct local delivery units (digit, letter, digit).</summary>
    public const int LduCount = 10 * 20 * 10;

    public static void WriteLdu(int ldu, Span<char> destination)
    {
        destination[0] = (char)('0' + (ldu / 200));
        destination[1] = PostalLetters[ldu / 10 % 20];
        destination[2] = (char)('0' + (ldu % 10));
    }
}
