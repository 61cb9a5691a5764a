namespace HealthStats.Dashboard.Tests.Security;

/// <summary>What in a data directory grants its group or others any access: should be nothing.</summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static List<string> Exposed(string dataDirectory) =>
        Directory.EnumerateFileSystemEntries(dataDirectory, "*", SearchOption.AllDirectories)
            .Prepend(dataDirectory)
            .Where(p => (File.GetUnixFileMode(p) & GroupOrOthers) != 0)
            .Select(p => $"{Path.GetRelativePath(dataDirectory, p)} {File.GetUnixFileMode(p)}")
            .ToList();
}
