using System.Net;
using System.Text.RegularExpressions;

namespace HealthStats.Dashboard.Tests;

/// <summary>Reads a page's tables as a person reads them: the text of each body row's cells, tags removed.</summary>
internal static partial class HtmlTables
{
    /// <summary>The body rows of the table with that id; fails the test when the page has no such table.</summary>
    public static List<string[]> Rows(string html, string tableId)
    {
        var table = TablePattern().Matches(html).FirstOrDefault(m => m.Groups["id"].Value == tableId)
            ?? throw new Xunit.Sdk.XunitException($"the page has no table id=\"{tableId}\"");
        var body = BodyPattern().Match(table.Value);
        return [.. RowPattern().Matches(body.Success ? body.Value : table.Value)
            .Select(row => CellPattern().Matches(row.Value).Select(cell => Text(cell.Groups["text"].Value)).ToArray())
            .Where(cells => cells.Length > 0)];
    }

    /// <summary>The text of the element with that id, tags removed and white space collapsed.</summary>
    public static string TextOf(string html, string id)
    {
        var match = Regex.Match(html, $"<(?<tag>[a-z0-9]+)[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>(?<text>.*?)</\\k<tag>>", RegexOptions.Singleline);
        return match.Success ? Text(match.Groups["text"].Value) : throw new Xunit.Sdk.XunitException($"the page has no element id=\"{id}\"");
    }

    public static string Text(string fragment) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(fragment, " ")), " ").Trim();

    [GeneratedRegex("<table[^>]*\\bid=\"(?<id>[^\"]+)\"[^>]*>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TablePattern();

    [GeneratedRegex("<tbody>.*?</tbody>", RegexOptions.Singleline)]
    private static partial Regex BodyPattern();

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[dh][^>]*>(?<text>.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
