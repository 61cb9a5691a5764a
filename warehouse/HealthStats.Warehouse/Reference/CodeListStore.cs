using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Reference;

/// <summary>The site's code lists in reference.code_lists: what validation accepts in the coded fields of an abstract.</summary>
public sealed class CodeListStore(WarehouseDatabase database)
{
    /// <summary>
    /// Adds the codes, or replaces the titles of codes already in their list, in one transaction. Codes not in the
    /// entries stay. Returns how many were added and how many replaced.
    /// </summary>
    public (int Added, int Replaced) Import(IReadOnlyList<CodeListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var connection = database.OpenConnection();
        CodeLists.Load(connection); // seeds the standard lists first, so that a site's codes extend them
        var existing = new HashSet<(string, string)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "select list, code from reference.code_lists";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                existing.Add((reader.GetString(0), reader.GetString(1)));
        }
        var replaced = 0;
        using var transaction = connection.BeginTransaction();
        foreach (var entry in entries)
        {
            if (existing.Contains((entry.List, entry.Code)))
            {
                connection.Execute("update reference.code_lists set title = $3 where list = $1 and code = $2", entry.List, entry.Code, entry.Title);
                replaced++;
            }
            else
            {
                connection.Execute("insert into reference.code_lists (list, code, title) values ($1, $2, $3)", entry.List, entry.Code, entry.Title);
            }
        }
        transaction.Commit();
        return (entries.Count - replaced, replaced);
    }

    /// <summary>Every code of every list, by list then code.</summary>
    public IReadOnlyList<CodeListEntry> List()
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "select list, code, title from reference.code_lists order by list, code";
        using var reader = command.ExecuteReader();
        var entries = new List<CodeListEntry>();
        while (reader.Read())
            entries.Add(new CodeListEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return entries;
    }
}
