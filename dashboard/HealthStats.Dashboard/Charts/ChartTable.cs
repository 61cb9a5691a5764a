using System.Globalization;
using System.Text;

namespace HealthStats.Dashboard.Charts;

/// <summary>The data a chart draws, as columns and rows of text, written as CSV (RFC 4180) for download.</summary>
public sealed record ChartTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns.Select(Field)).Append("\r\n");
        foreach (var row in Rows)
            csv.AppendJoin(',', row.Select(v => Field(Text(v)))).Append("\r\n");
        return csv.ToString();
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Quoted when it holds a comma, quote or line break; a leading =, +, - or @ of a text (not a number)
    // is escaped with a quote mark so that a spreadsheet does not run it as a formula.
    private static string Field(string text)
    {
        if (text.Length > 0 && "=+-@".Contains(text[0]) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            text = "'" + text;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
