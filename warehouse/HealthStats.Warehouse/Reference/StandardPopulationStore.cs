using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Reference;

/// <summary>Standard populations in reference.standard_populations, each under a short name (e.g. CAN2011).</summary>
public sealed class StandardPopulationStore(WarehouseDatabase database)
{
    public const int MaxNameLength = 100;

    /// <summary>
    /// Stores each standard under its name (the map's key), replacing a standard held under that name, in one
    /// transaction. Returns the names that replaced earlier ones.
    /// </summary>
    public IReadOnlyList<string> Import(IReadOnlyList<(string Name, StandardPopulation Standard)> standards, string source)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(source);
        foreach (var (name, _) in standards)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
                throw new ArgumentException($"A standard population needs a name of 1 to {MaxNameLength} characters, not '{name}'.", nameof(standards));
        }
        var duplicate = standards.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Two standard populations would be stored under the name '{duplicate.Key}'.", nameof(standards));

        using var connection = database.OpenConnection();
        var held = List(connection).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var replaced = standards.Select(s => s.Name).Where(held.Contains).ToList();
        var importedAt = DateTime.UtcNow;
        using var transaction = connection.BeginTransaction();
        foreach (var name in replaced)
            connection.Execute("delete from reference.standard_populations where name = $1", name);
        using (var appender = connection.CreateAppender("reference", "standard_populations"))
        {
            foreach (var (name, standard) in standards)
            {
                foreach (var group in standard.Groups)
                {
                    appender.CreateRow()
                        .AppendValue(name)
                        .AppendValue(group.AgeStart)
                        .AppendValue(group.AgeEnd)
                        .AppendValue(group.Population)
                        .AppendValue(standard.Standard)
                        .AppendValue(source)
                        .AppendValue(importedAt)
                        .EndRow();
                }
            }
        }
        transaction.Commit();
        return replaced;
    }

    public IReadOnlyList<StandardPopulationInfo> List()
    {
        using var connection = database.OpenConnection();
        return List(connection);
    }

    /// <summary>A standard's age groups, from 0; empty when no standard has that name.</summary>
    public IReadOnlyList<StandardAgeGroup> Groups(string name)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "select age_start, age_end, population from reference.standard_populations where name = $1 order by age_start";
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(name));
        using var reader = command.ExecuteReader();
        var groups = new List<StandardAgeGroup>();
        while (reader.Read())
            groups.Add(new StandardAgeGroup(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetDouble(2)));
        return groups;
    }

    private static List<StandardPopulationInfo> List(DuckDB.NET.Data.DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            select name, any_value(description), count(*), max(age_start), sum(population), any_value(source), max(imported_at)
            from reference.standard_populations
            group by name
            order by name
            """;
        using var reader = command.ExecuteReader();
        var result = new List<StandardPopulationInfo>();
        while (reader.Read())
        {
            result.Add(new StandardPopulationInfo(reader.GetString(0), reader.GetString(1), (int)reader.GetInt64(2), reader.GetInt32(3),
                reader.GetDouble(4), reader.GetString(5), DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc)));
        }
        return result;
    }
}
