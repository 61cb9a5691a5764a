using System.Globalization;
using System.Text;
using System.Text.Json;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Cli.Commands;

internal sealed class StatsCommand : ICommand
{
    public string Name => "stats";

    public string Summary => "Computes an indicator from the warehouse (--list lists the indicators and dimensions with their definitions).";

    public string Usage =>
        "usage: healthstats stats INDICATOR [--by DIM,DIM] [--where DIM=VALUE ...] [--standard NAME] [--top N] [--format table|csv|json]\n" +
        "       healthstats stats --list [--format table|json]\n" +
        "  --by DIM,DIM       break the indicator down by these dimensions, in this order\n" +
        "  --where DIM=VALUE  keep only rows with this value (repeatable: values given for one dimension are alternatives)\n" +
        $"  --standard NAME    the standard population of age-standardised rates (default {PopulationRateIndicator.DefaultStandard})\n" +
        "  --top N            keep the N rows of highest value of the last --by dimension, within each\n" +
        "                     combination of the others (top diagnoses: --by fiscal_year,code --top 10)\n" +
        "  --format F         table (default), csv, or json: an array of rows, each with its dimensions,\n" +
        "                     value, and numerator, denominator, ci_low, ci_high where they apply\n" +
        "Reads the warehouse: stop the dashboard first.";

    public IReadOnlyCollection<string> ValueOptions => ["by", "where", "standard", "top", "format"];

    public IReadOnlyCollection<string> Flags => ["list"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        var format = line.Value("format") ?? "table";
        if (format is not ("table" or "csv" or "json"))
            throw new UsageException($"--format is table, csv or json, not '{format}'");
        if (line.Flag("list"))
        {
            if (line.Positional.Count > 0)
                throw new UsageException("--list takes no INDICATOR");
            if (format == "csv")
                throw new UsageException("--list prints as table or json");
            IndicatorList.Write(context.Out, format == "json");
            return Task.FromResult(0);
        }
        if (line.Positional.Count != 1)
            throw new UsageException(line.Positional.Count == 0 ? "give an INDICATOR, or --list" : $"give one INDICATOR, not {line.Positional.Count}");

        var request = new IndicatorRequest
        {
            By = ParseBy(line.Value("by")),
            Where = line.Values("where").Select(ParseWhere).ToList(),
            Standard = line.Value("standard"),
            Top = line.Value("top") is null ? null : line.Int("top"),
        };
        // Checked before the warehouse opens: a misspelt indicator needs no database.
        IndicatorLibrary.Find(line.Positional[0]);
        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        var result = IndicatorLibrary.Compute(database, line.Positional[0], request);
        switch (format)
        {
            case "json":
                WriteJson(context.Out, result);
                break;
            case "csv":
                WriteCsv(context.Out, result);
                break;
            default:
                WriteTable(context.Out, result);
                break;
        }
        return Task.FromResult(0);
    }

    private static List<string> ParseBy(string? text)
    {
        if (text is null)
            return [];
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Length == 0))
            throw new UsageException($"--by takes dimension names separated by commas, not '{text}'");
        return [.. parts];
    }

    private static KeyValuePair<string, string> ParseWhere(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
            throw new UsageException($"--where takes DIM=VALUE, not '{text}'");
        return new(text[..eq].Trim(), text[(eq + 1)..]);
    }

    private static List<string> Columns(IndicatorResult result)
    {
        var columns = new List<string>(result.Columns) { "value" };
        if (result.HasNumerator)
            columns.AddRange(["numerator", "denominator"]);
        if (result.HasInterval)
            columns.AddRange(["ci_low", "ci_high"]);
        return columns;
    }

    private static double? Measure(IndicatorRow row, string column) => column switch
    {
        "value" => row.Value,
        "numerator" => row.Numerator,
        "denominator" => row.Denominator,
        "ci_low" => row.CiLow,
        "ci_high" => row.CiHigh,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a measure column"),
    };

    private static void WriteJson(TextWriter output, IndicatorResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in result.Rows)
            {
                json.WriteStartObject();
                foreach (var (dimension, value) in row.Dimensions)
                    json.WriteString(dimension, value);
                foreach (var column in Columns(result).Skip(result.Columns.Count))
                {
                    if (Measure(row, column) is { } number && double.IsFinite(number))
                        json.WriteNumber(column, number);
                    else
                        json.WriteNull(column);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteCsv(TextWriter output, IndicatorResult result)
    {
        var columns = Columns(result);
        output.WriteLine(string.Join(',', columns));
        foreach (var row in result.Rows)
        {
            var cells = row.Dimensions.Select(d => Quote(d.Value ?? ""))
                .Concat(columns.Skip(result.Columns.Count).Select(c => Measure(row, c)?.ToString("R", CultureInfo.InvariantCulture) ?? ""));
            output.WriteLine(string.Join(',', cells));
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void WriteTable(TextWriter output, IndicatorResult result)
    {
        var indicator = result.Indicator;
        output.WriteLine($"{indicator.Name} ({indicator.Unit})");
        var columns = Columns(result);
        var cells = result.Rows.Select(row => row.Dimensions.Select(d => d.Value ?? "")
            .Concat(columns.Skip(result.Columns.Count).Select(c => Measure(row, c) is { } v ? v.ToString(v == Math.Floor(v) ? "N0" : "N2", CultureInfo.InvariantCulture) : ""))
            .ToList()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Length, cells.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToList();
        output.WriteLine(string.Join("  ", columns.Select((c, i) => i < result.Columns.Count ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
        foreach (var row in cells)
            output.WriteLine(string.Join("  ", row.Select((c, i) => i < result.Columns.Count ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
        if (result.Rows.Count == 0)
            output.WriteLine("(no rows)");
    }
}
