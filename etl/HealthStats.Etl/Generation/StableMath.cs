namespace HealthStats.Etl.Generation;

/// <summary>
/// exp() from additions, multiplications and divisions only. Math.Exp comes from the C runtime and
/// may round differently on another platform; the generator promises the same bytes for the same seed.
/// </summary>
internal static class StableMath
{
    private const double Ln2 = 0.69314718055994530942;

    public static double Exp(double x)
    {
        if (x < -700)
            return 0;
        if (x > 700)
            x = 700;
        var k = Math.Round(x / Ln2);
        var r = x - (k * Ln2);
        var term = 1.0;
        var sum = 1.0;
        for (var i = 1; i <= 16; i++)
        {
            term *= r / i;
            sum += term;
        }
        return Math.ScaleB(sum, (int)k);
    }
}
