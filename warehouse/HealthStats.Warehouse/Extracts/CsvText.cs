using System.Globalization;
using System.Text;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// CSV as extracts write it (RFC 4180, CRLF, UTF-8), with text that a spreadsheet would take for a
/// formula (beginning with =, +, -, @, a tab or a carriage return) prefixed by an apostrophe, as OWASP
/// advises against CSV injection: a code or title from a submitted file is never run.
/// </summary>
public static class CsvText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>A text cell, made inert and quoted where needed.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (FormulaStarts.Contains(value[0]))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value[0] == ' ' || value[^1] == ' '
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>A cell of a typed column: numbers as written by the warehouse (never escaped: a negative number stays a number), text escaped.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        long n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => Text(s),
        _ => throw new ArgumentException($"no CSV form for {value.GetType().Name}"),
    };

    public static void AppendLine(StringBuilder csv, IEnumerable<object?> cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
