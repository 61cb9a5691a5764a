namespace HealthStats.Etl.Generation.Profiles;

/// <summary>
/// A weighted choice of codes, some of which may be for one sex only (a breast or prostate primary).
/// Cumulative weights are kept per sex so that a pick costs one draw and a short scan.
/// </summary>
internal sealed class CodePick
{
    private readonly string[] _codes;
    private readonly char[] _sexes;
    private readonly double[] _cumulativeFemale;
    private readonly double[] _cumulativeMale;

    public CodePick(params (string Code, double Weight)[] items)
        : this(Array.ConvertAll(items, i => (i.Code, i.Weight, Sex: Anyone)))
    {
    }

    public CodePick(params (string Code, double Weight, char Sex)[] items)
    {
        if (items.Length == 0)
            throw new ArgumentException("A code pick needs at least one code.", nameof(items));
        _codes = new string[items.Length];
        _sexes = new char[items.Length];
        _cumulativeFemale = new double[items.Length];
        _cumulativeMale = new double[items.Length];
        double female = 0, male = 0;
        for (var i = 0; i < items.Length; i++)
        {
            _codes[i] = items[i].Code;
            _sexes[i] = items[i].Sex;
            if (items[i].Sex != 'M')
                female += items[i].Weight;
            if (items[i].Sex != 'F')
                male += items[i].Weight;
            _cumulativeFemale[i] = female;
            _cumulativeMale[i] = male;
        }
    }

    /// <summary>No sex restriction on an entry.</summary>
    public const char Anyone = '\0';

    public IReadOnlyList<string> Codes => _codes;

    public static implicit operator CodePick(string code) => new((code, 1.0));

    /// <summary>A code allowed for the sex, or null when the pick has none for it.</summary>
    public string? Pick(Prng rng, char sex)
    {
        var cumulative = sex == 'M' ? _cumulativeMale : _cumulativeFemale;
        var total = cumulative[^1];
        if (total <= 0)
            return null;
        var x = rng.NextDouble() * total;
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (x < cumulative[i] && (_sexes[i] == Anyone || _sexes[i] == sex))
                return _codes[i];
        }
        for (var i = cumulative.Length - 1; i >= 0; i--)
        {
            if (_sexes[i] == Anyone || _sexes[i] == sex)
                return _codes[i];
        }
        return null;
    }
}
