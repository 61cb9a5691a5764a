using System.Text.RegularExpressions;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Ccsr;

/// <summary>
/// The CCSR reference tables (reference.ccsr_versions, ccsr_categories, ccsr_diagnoses). An import
/// replaces them whole in one transaction: a site uses one CCSR version at a time. The warehouse must be
/// initialised first; the caller rebuilds the models so that the marts' CCSR columns follow.
/// </summary>
public sealed partial class CcsrStore(WarehouseDatabase database)
{
    /// <summary>Reads and checks both files completely, then stores them; nothing is stored when a file is wrong.</summary>
    public CcsrImportResult Import(string mappingFile, string? categoriesFile, string? version)
    {
        var mappings = CcsrFiles.ReadMapping(mappingFile);
        var categories = Categories(mappingFile, mappings, categoriesFile);
        var name = string.IsNullOrWhiteSpace(version) ? VersionFromFileName(mappingFile) : version.Trim();

        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        connection.Execute("delete from reference.ccsr_diagnoses");
        connection.Execute("delete from reference.ccsr_categories");
        connection.Execute("delete from reference.ccsr_versions");
        using (var appender = connection.CreateAppender("reference", "ccsr_categories"))
        {
            foreach (var c in categories)
                appender.CreateRow().AppendValue(c.Category).AppendValue(c.Description).EndRow();
        }
        using (var appender = connection.CreateAppender("reference", "ccsr_diagnoses"))
        {
            foreach (var m in mappings)
                appender.CreateRow().AppendValue(m.Code).AppendValue(m.Category).AppendValue(m.InpatientDefault).AppendValue(m.OutpatientDefault).EndRow();
        }
        var codes = mappings.Select(m => m.Code).Distinct(StringComparer.Ordinal).Count();
        var source = categoriesFile is null ? Path.GetFileName(mappingFile) : $"{Path.GetFileName(mappingFile)}; {Path.GetFileName(categoriesFile)}";
        connection.Execute(
            "insert into reference.ccsr_versions (version, source, code_count, category_count, imported_at) values ($1, $2, $3, $4, $5)",
            name, source, codes, categories.Count, DateTime.UtcNow);
        transaction.Commit();
        return new CcsrImportResult(name, codes, mappings.Count, categories.Count);
    }

    /// <summary>The version in use, or null before any import.</summary>
    public string? CurrentVersion()
    {
        using var connection = database.OpenConnection();
        return connection.Scalar<string>("select version from reference.ccsr_versions");
    }

    // The categories file when given (every mapped category must be in it), else the mapping's own descriptions.
    private static List<CcsrCategory> Categories(string mappingFile, IReadOnlyList<CcsrMapping> mappings, string? categoriesFile)
    {
        if (categoriesFile is not null)
        {
            var categories = CcsrFiles.ReadCategories(categoriesFile);
            var known = categories.Select(c => c.Category).ToHashSet(StringComparer.Ordinal);
            var unknown = mappings.FirstOrDefault(m => !known.Contains(m.Category));
            if (unknown is not null)
            {
                throw new ClassificationFileException(mappingFile, unknown.Line, CcsrFiles.CategoryColumn,
                    $"{unknown.Category} (of {unknown.Code}) is not in the categories file {categoriesFile}");
            }
            return [.. categories];
        }
        var result = new List<CcsrCategory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mappings)
        {
            if (seen.Contains(m.Category))
                continue;
            if (m.CategoryDescription is null)
            {
                throw new ClassificationFileException(mappingFile, m.Line, CcsrFiles.CategoryDescriptionColumn,
                    $"{m.Category} has no description: give the CCSR_Categories file with --categories, or a mapping with a '{CcsrFiles.CategoryDescriptionColumn}' column");
            }
            seen.Add(m.Category);
            result.Add(new CcsrCategory(m.Category, m.CategoryDescription));
        }
        return result;
    }

    [GeneratedRegex(@"v\d{4}-\d+", RegexOptions.IgnoreCase)]
    private static partial Regex VersionPattern();

    // AHRQ names its files after the version (DXCCSR_v2023-1_...): that is the version unless one is given.
    private static string VersionFromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var match = VersionPattern().Match(name);
        return match.Success ? match.Value.ToLowerInvariant() : name;
    }
}
