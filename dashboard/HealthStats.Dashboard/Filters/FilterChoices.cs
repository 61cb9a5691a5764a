using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Filters;

/// <summary>The values the filter bar offers: those the warehouse's discharges hold, read from their monthly summary.</summary>
public sealed record FilterChoices(
    IReadOnlyList<int> FiscalYears,
    IReadOnlyList<string> Facilities,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> AgeGroups,
    IReadOnlyList<string> Sexes,
    IReadOnlyList<string> AdmitCategories)
{
    public static FilterChoices Load(WarehouseDatabase database)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        // The age groups in age order, the other values in text order; "unknown" is how indicators name a missing region.
        command.CommandText = """
            select 'fiscal_year' as kind, cast(fiscal_year as varchar) as value, fiscal_year as sort from marts.sum_discharges_monthly group by fiscal_year
            union all select 'facility', facility_id, null from marts.sum_discharges_monthly group by facility_id
            union all select 'region', coalesce(residence_region, 'unknown'), null from marts.sum_discharges_monthly group by 2
            union all select 'age_group', age_group, min(try_cast(split_part(replace(age_group, '+', '-'), '-', 1) as integer)) from marts.sum_discharges_monthly group by age_group
            union all select 'sex', sex, null from marts.sum_discharges_monthly group by sex
            union all select 'admit_category', admit_category, null from marts.sum_discharges_monthly group by admit_category
            order by kind, sort nulls last, value
            """;
        using var reader = command.ExecuteReader();
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (reader.IsDBNull(1))
                continue;
            var kind = reader.GetString(0);
            if (!values.TryGetValue(kind, out var list))
                values[kind] = list = [];
            list.Add(reader.GetString(1));
        }
        IReadOnlyList<string> Of(string kind) => values.TryGetValue(kind, out var list) ? list : [];
        return new FilterChoices(
            Of("fiscal_year").Select(int.Parse).ToList(),
            Of("facility"), Of("region"), Of("age_group"), Of("sex"), Of("admit_category"));
    }
}
