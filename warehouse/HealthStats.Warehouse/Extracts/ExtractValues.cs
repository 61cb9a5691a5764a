using HealthStats.Warehouse.Suppression;

namespace HealthStats.Warehouse.Extracts;

/// <summary>The value of each column of an extract row as released: read from the publication, so that the files hold exactly what the auditor passed.</summary>
public static class ExtractValues
{
    public static IReadOnlyList<object?> Of(ExtractTable table, ExtractRow row, Publication publication)
    {
        var cell = publication.Cells[row.Cell];
        var denominator = row.DenominatorCell is { } d ? publication.Cells[d] : null;
        var values = new List<object?>(table.Columns.Count);
        var dimension = 0;
        foreach (var column in table.Columns)
        {
            values.Add(column.Kind switch
            {
                ExtractColumnKind.Dimension => row.Dimensions[dimension++],
                ExtractColumnKind.Count => cell.Count,
                ExtractColumnKind.CountSuppressed => cell.IsSuppressed,
                ExtractColumnKind.DenominatorCount => denominator!.Count,
                ExtractColumnKind.DenominatorSuppressed => denominator!.IsSuppressed,
                _ => cell.Derived.FirstOrDefault(v => v.Name == column.Name)?.Value,
            });
        }
        return values;
    }
}
