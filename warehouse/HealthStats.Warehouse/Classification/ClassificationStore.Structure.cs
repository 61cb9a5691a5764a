using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Classification;

public sealed partial class ClassificationStore
{
    /// <summary>
    /// Loads reference.icd_chapters, icd_blocks and pcs_sections from the embedded structure when they differ from it
    /// (so a new release brings its corrections); does nothing when they match.
    /// </summary>
    public void EnsureStructure()
    {
        using var connection = database.OpenConnection();
        EnsureStructure(connection);
    }

    private static void EnsureStructure(DuckDBConnection connection)
    {
        var chapters = IcdStructure.Chapters
            .Select(c => new string?[] { c.Id, c.Title, c.FirstCategory, c.LastCategory, c.WhoRange })
            .ToList();
        var blocks = IcdStructure.Blocks
            .Select(b => new[] { b.Id, b.Title, b.ChapterId, b.FirstCategory, b.LastCategory, b.WhoBlock })
            .ToList();
        var sections = IcdStructure.PcsSections.Select(s => new string?[] { s.Id, s.Title }).ToList();

        var chaptersStored = Matches(connection,
            "select chapter, title, first_category, last_category, who_range from reference.icd_chapters order by first_category", chapters);
        var blocksStored = Matches(connection,
            "select block, title, chapter, first_category, last_category, who_block from reference.icd_blocks order by first_category", blocks);
        var sectionsStored = Matches(connection, "select section, title from reference.pcs_sections order by section", sections);
        if (chaptersStored && blocksStored && sectionsStored)
            return;

        using var transaction = connection.BeginTransaction();
        Replace(connection, "icd_chapters", chapters);
        Replace(connection, "icd_blocks", blocks);
        Replace(connection, "pcs_sections", sections);
        transaction.Commit();
    }

    private static bool Matches(DuckDBConnection connection, string sql, List<string?[]> expected)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var stored = new List<string>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
            stored.Add(Key(row));
        }
        return stored.Order(StringComparer.Ordinal).SequenceEqual(expected.Select(Key).Order(StringComparer.Ordinal));
    }

    // A row as one string; the unit separator and NUL do not occur in the structure's text.
    private static string Key(string?[] row) => string.Join('\u001F', row.Select(v => v ?? "\u0000"));

    private static void Replace(DuckDBConnection connection, string table, List<string?[]> rows)
    {
        connection.Execute($"delete from reference.{table}");
        using var appender = connection.CreateAppender("reference", table);
        foreach (var values in rows)
        {
            var row = appender.CreateRow();
            foreach (var value in values)
                row.AppendValue(value);
            row.EndRow();
        }
    }
}
