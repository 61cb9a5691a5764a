namespace HealthStats.Cli.Commands;

/// <summary>
/// --password-file FILE: a password read from a file (its first line) rather than from the command
/// line, where other users could see it in the process list. `--password-file /dev/stdin` reads it
/// from a pipe.
/// </summary>
internal static class PasswordFileOption
{
    public const string Name = "password-file";

    public static string? Read(CommandLine line)
    {
        var file = line.Value(Name);
        if (file is null)
            return null;
        using var reader = new StreamReader(file);
        var password = reader.ReadLine();
        return string.IsNullOrEmpty(password) ? throw new UsageException($"{file}: the first line holds no password") : password;
    }
}
