using System.Net;
using System.Text.RegularExpressions;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// The rows of a page's table, read from its HTML as a user's browser shows them: each row's attributes
/// and its cells' classes, attributes and decoded text. Enough HTML for the dashboard's own tables, no more.
/// </summary>
internal static partial class HtmlTable
{
    public static IReadOnlyList<HtmlRow> Rows(string html, string tableId)
    {
        var start = html.IndexOf($"<table id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {tableId} on the page:\n{html[..Math.Min(html.Length, 3000)]}");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        var body = table[table.IndexOf("<tbody>", StringComparison.Ordinal)..];
        return RowPattern().Matches(body)
            .Select(row => new HtmlRow(
                Attributes(row.Groups[1].Value),
                CellPattern().Matches(row.Groups[2].Value).Select(c => new HtmlCell(Attributes(c.Groups[1].Value), c.Groups[2].Value)).ToList()))
            .ToList();
    }

    public static string Text(string html) => WebUtility.HtmlDecode(Whitespace().Replace(Tag().Replace(html, " "), " ")).Trim();

    private static Dictionary<string, string> Attributes(string tag) =>
        AttributePattern().Matches(tag).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value), StringComparer.Ordinal);

    [GeneratedRegex("<tr([^>]*)>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td([^>]*)>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("([a-z][a-z_-]*)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}

internal sealed record HtmlRow(IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<HtmlCell> Cells)
{
    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    /// <summary>The text of the row's one cell with this class.</summary>
    public string Cell(string cssClass) => Cells.Single(c => c.HasClass(cssClass)).Text;

    public string Text => HtmlTable.Text(string.Join(" ", Cells.Select(c => c.Html)));
}

internal sealed record HtmlCell(IReadOnlyDictionary<string, string> Attributes, string Html)
{
    public string Text => HtmlTable.Text(Html);

    public bool HasClass(string cssClass) => Attributes.TryGetValue("class", out var classes) && classes.Split(' ').Contains(cssClass);

    /// <summary>The text of the element inside the cell with this class.</summary>
    public string Part(string cssClass)
    {
        var match = Regex.Match(Html, $"<(\\w+) class=\"{Regex.Escape(cssClass)}\">(.*?)</\\1>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no {cssClass} in {Html}");
        return HtmlTable.Text(match.Groups[2].Value);
    }
}
