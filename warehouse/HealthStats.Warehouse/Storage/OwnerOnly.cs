namespace HealthStats.Warehouse.Storage;

/// <summary>Creates files and folders that only their owner may read: keys and quarantined records.</summary>
public static class OwnerOnly
{
    public static void CreateDirectory(string path)
    {
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public static FileStream CreateFile(string path, FileMode mode = FileMode.CreateNew)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }

    public static void WriteAllText(string path, string text)
    {
        using var stream = CreateFile(path, FileMode.Create);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
