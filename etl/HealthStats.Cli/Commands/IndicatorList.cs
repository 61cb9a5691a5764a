using System.Text.Json;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Cli.Commands;

/// <summary>What `stats --list` prints: every indicator's definition, then every dimension's.</summary>
internal static class IndicatorList
{
    public static void Write(TextWriter output, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                indicators = IndicatorLibrary.All.Select(i => new
                {
                    id = i.Id, name = i.Name, definition = i.Definition, numerator = i.Numerator, denominator = i.Denominator,
                    inclusions = i.Inclusions, exclusions = i.Exclusions, unit = i.Unit,
                    confidence_interval = i.HasInterval, dimensions = i.Dimensions.Select(d => d.Id),
                }),
                dimensions = IndicatorLibrary.AllDimensions.Select(d => new { id = d.Id, name = d.Name, definition = d.Definition }),
            }, new JsonSerializerOptions { WriteIndented = true }));
            return;
        }
        output.WriteLine("indicators");
        foreach (var i in IndicatorLibrary.All)
        {
            output.WriteLine();
            output.WriteLine($"  {i.Id}: {i.Name} ({i.Unit})");
            output.WriteLine($"    definition:   {i.Definition}");
            output.WriteLine($"    numerator:    {i.Numerator}");
            if (i.Denominator is not null)
                output.WriteLine($"    denominator:  {i.Denominator}");
            output.WriteLine($"    inclusions:   {i.Inclusions}");
            output.WriteLine($"    exclusions:   {i.Exclusions}");
            if (i.HasInterval)
                output.WriteLine("    interval:     95% confidence limits (ci_low, ci_high)");
            output.WriteLine($"    dimensions:   {string.Join(", ", i.Dimensions.Select(d => d.Id))}");
        }
        output.WriteLine();
        output.WriteLine("dimensions");
        foreach (var d in IndicatorLibrary.AllDimensions)
            output.WriteLine($"  {d.Id,-16} {d.Name}: {d.Definition}");
    }
}
