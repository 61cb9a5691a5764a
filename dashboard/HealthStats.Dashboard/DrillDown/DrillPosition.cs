namespace HealthStats.Dashboard.DrillDown;

/// <summary>
/// Where a drill-down stands: the codes chosen above (read from the URL, ?chapter=IX&amp;block=I20-I25) and
/// the level shown beneath them, the one below the deepest level chosen. Every code chosen narrows what
/// is counted, so a link made by hand that skips a level still shows what it names.
/// </summary>
public sealed record DrillPosition(CodeHierarchy Hierarchy, IReadOnlyList<ChosenCode> Chosen, CodeLevel Shown)
{
    public static DrillPosition From(CodeHierarchy hierarchy, Func<string, string?> parameter)
    {
        var levels = hierarchy.Levels;
        // The last level (codes) is always shown, never chosen: it has nothing beneath it.
        var deepest = -1;
        for (var i = 0; i < levels.Count - 1; i++)
        {
            if (parameter(levels[i].Dimension) is not null)
                deepest = i;
        }
        var chosen = levels.Take(deepest + 1)
            .Select(level => parameter(level.Dimension) is { } code ? new ChosenCode(level, code) : null)
            .OfType<ChosenCode>()
            .ToList();
        return new DrillPosition(hierarchy, chosen, levels[deepest + 1]);
    }

    /// <summary>Whether the level shown is the codes, whose rows lead nowhere further.</summary>
    public bool AtCodes => Shown == Hierarchy.Levels[^1];

    /// <summary>The level a row of the shown level leads to; null at the codes.</summary>
    public CodeLevel? Below => AtCodes ? null : Hierarchy.Levels[Hierarchy.Levels.ToList().IndexOf(Shown) + 1];

    /// <summary>The page's own query parameters for a position: its view and the codes chosen, in hierarchy order.</summary>
    public (string Key, string? Value)[] QueryFor(IEnumerable<ChosenCode> chosen) =>
        [("view", Hierarchy.View), .. chosen.Select(c => (c.Level.Dimension, (string?)c.Code))];

    /// <summary>The parameters of the position one level down, into a row's code.</summary>
    public (string Key, string? Value)[] QueryInto(string code) => QueryFor([.. Chosen, new ChosenCode(Shown, code)]);
}

/// <summary>A code chosen at one level of a drill-down, with its title once looked up.</summary>
public sealed record ChosenCode(CodeLevel Level, string Code, string? Title = null);
