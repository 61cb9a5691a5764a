using System.Text.RegularExpressions;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// The named specs that the extract API serves: data/extract-specs/NAME.json. The file's name is the
/// spec's name for the API and for the tokens limited to it, so that a name can never point outside
/// the folder (letters, digits, '-' and '_', as the schema allows for a spec's own name).
/// </summary>
public sealed partial class ExtractSpecFolder(DataDirectory data)
{
    public string Directory { get; } = data.ExtractSpecsDirectory;

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <summary>The name, or an ArgumentException saying what a name may hold.</summary>
    public static string CheckName(string name) => IsValidName(name) ? name
        : throw new ArgumentException($"invalid spec name '{name}': 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");

    /// <summary>The spec's file, or null when the name is not valid or no such file exists.</summary>
    public string? Find(string name)
    {
        if (!IsValidName(name))
            return null;
        var path = Path.Combine(Directory, name + ".json");
        return File.Exists(path) ? path : null;
    }

    /// <summary>The names of the specs in the folder, in order; files with a name that is not valid are left out.</summary>
    public IReadOnlyList<string> Names() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*.json")
                .Select(f => Path.GetFileNameWithoutExtension(f))
                .Where(IsValidName)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
