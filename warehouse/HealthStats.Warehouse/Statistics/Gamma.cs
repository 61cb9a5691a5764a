namespace HealthStats.Warehouse.Statistics;

/// <summary>
/// The regularized lower incomplete gamma function and its inverse: the quantiles of the gamma and
/// chi-square distributions that exact Poisson and Fay-Feuer intervals need. Written here (after
/// Numerical Recipes, 3rd ed., 6.1-6.2) rather than taken from a package: the one maintained candidate
/// would be a large dependency for three functions, and the tests check them against published values.
/// </summary>
public static class Gamma
{
    private const double Epsilon = 1e-15;
    private const double Tiny = 1e-300;
    private const int MaxIterations = 1_000_000;

    private static readonly double[] Lanczos =
    [
        57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199,
        0.339946499848118887e-4, 0.465236289270485756e-4, -0.983744753048795646e-4, 0.158088703224912494e-3,
        -0.210264441724104883e-3, 0.217439618115212643e-3, -0.164318106536763890e-3, 0.844182239838527433e-4,
        -0.261908384015814087e-4, 0.368991826595316234e-5,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x <= 0)
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma needs x > 0.");
        var y = x;
        var tmp = x + 5.24218750000000000;
        tmp = (x + 0.5) * Math.Log(tmp) - tmp;
        var series = 0.999999999999997092;
        foreach (var c in Lanczos)
            series += c / ++y;
        return tmp + Math.Log(2.5066282746310005 * series / x);
    }

    /// <summary>P(a, x): the gamma(a, 1) distribution's probability below x.</summary>
    public static double LowerRegularized(double a, double x)
    {
        if (a <= 0)
            throw new ArgumentOutOfRangeException(nameof(a), a, "The shape must be positive.");
        if (x <= 0)
            return 0;
        // The series converges fast below a + 1, the continued fraction above it.
        return x < a + 1 ? Series(a, x) : 1 - ContinuedFraction(a, x);
    }

    /// <summary>The x for which P(a, x) = p: the p-quantile of the gamma(a, 1) distribution.</summary>
    public static double InverseLowerRegularized(double a, double p)
    {
        if (a <= 0)
            throw new ArgumentOutOfRangeException(nameof(a), a, "The shape must be positive.");
        if (p is < 0 or > 1 || double.IsNaN(p))
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability lies in [0, 1].");
        if (p == 0)
            return 0;
        if (p == 1)
            return double.PositiveInfinity;

        var logGammaA = LogGamma(a);
        var a1 = a - 1;
        double x, logA1 = 0, factor = 0;
        if (a > 1)
        {
            // Wilson-Hilferty's normal approximation as the starting point.
            logA1 = Math.Log(a1);
            factor = Math.Exp(a1 * (logA1 - 1) - logGammaA);
            var pp = p < 0.5 ? p : 1 - p;
            var t = Math.Sqrt(-2 * Math.Log(pp));
            var z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
            if (p < 0.5)
                z = -z;
            x = Math.Max(1e-3, a * Math.Pow(1 - 1 / (9 * a) - z / (3 * Math.Sqrt(a)), 3));
        }
        else
        {
            var t = 1 - a * (0.253 + a * 0.12);
            x = p < t ? Math.Pow(p / t, 1 / a) : 1 - Math.Log(1 - (p - t) / (1 - t));
        }

        // Halley's method on P(a, x) - p.
        for (var i = 0; i < 100; i++)
        {
            if (x <= 0)
                return 0;
            var error = LowerRegularized(a, x) - p;
            var density = a > 1
                ? factor * Math.Exp(-(x - a1) + a1 * (Math.Log(x) - logA1))
                : Math.Exp(-x + a1 * Math.Log(x) - logGammaA);
            if (density == 0)
                break;
            var u = error / density;
            var step = u / (1 - 0.5 * Math.Min(1, u * (a1 / x - 1)));
            x -= step;
            if (x <= 0)
                x = 0.5 * (x + step);
            if (Math.Abs(step) < 1e-12 * x)
                break;
        }
        return x;
    }

    /// <summary>The p-quantile of the chi-square distribution with df degrees of freedom.</summary>
    public static double ChiSquareQuantile(double p, double df) => 2 * InverseLowerRegularized(df / 2, p);

    private static double Prefactor(double a, double x) => Math.Exp(-x + a * Math.Log(x) - LogGamma(a));

    private static double Series(double a, double x)
    {
        var ap = a;
        var term = 1 / a;
        var sum = term;
        for (var n = 0; n < MaxIterations; n++)
        {
            ap++;
            term *= x / ap;
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
                return sum * Prefactor(a, x);
        }
        throw new InvalidOperationException($"The incomplete gamma series did not converge for a = {a}, x = {x}.");
    }

    // Q(a, x) by Lentz's method.
    private static double ContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < Tiny)
                d = Tiny;
            c = b + an / c;
            if (Math.Abs(c) < Tiny)
                c = Tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) <= Epsilon)
                return Prefactor(a, x) * h;
        }
        throw new InvalidOperationException($"The incomplete gamma continued fraction did not converge for a = {a}, x = {x}.");
    }
}
