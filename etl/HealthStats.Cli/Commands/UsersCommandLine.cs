namespace HealthStats.Cli.Commands;

internal static class UsersCommandLine
{
    public static string SingleUser(CommandLine line) => line.Positional.Count switch
    {
        1 => line.Positional[0],
        0 => throw new UsageException("name the account: USER"),
        _ => throw new UsageException($"unexpected argument '{line.Positional[1]}'"),
    };
}
