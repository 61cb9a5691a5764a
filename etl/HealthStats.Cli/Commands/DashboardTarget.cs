namespace HealthStats.Cli.Commands;

/// <summary>
/// The running dashboard a bench command measures: --url (default http://localhost:5000) and, with --user,
/// the password to sign in with (--password-file, else $HEALTHSTATS_PASSWORD).
/// </summary>
internal static class DashboardTarget
{
    public static Uri Url(CommandLine line) =>
        Uri.TryCreate(line.Value("url") ?? "http://localhost:5000", UriKind.Absolute, out var url)
            ? url
            : throw new UsageException("--url must be an absolute URL, e.g. http://localhost:5000");

    public static (string User, string Password)? SignIn(CommandLine line)
    {
        if (line.Value("user") is not { } user)
            return null;
        var password = PasswordFileOption.Read(line) ?? Environment.GetEnvironmentVariable("HEALTHSTATS_PASSWORD")
            ?? throw new UsageException("--user needs its password: --password-file FILE, or $HEALTHSTATS_PASSWORD");
        return (user, password);
    }
}
