using HealthStats.Etl.Accounts;

namespace HealthStats.Cli.Commands;

internal sealed class UsersResetCommand : ICommand
{
    public string Name => "users reset";

    public string Summary => "Sets a new password for an account, unlocks it and signs it out everywhere.";

    public string Usage =>
        "usage: healthstats users reset USER [--password-file FILE | --prompt]\n" +
        "  --password-file FILE  the new password from FILE's first line\n" +
        "  --prompt              ask for it on the terminal (twice, not echoed); without either one is generated and printed once";

    public IReadOnlyCollection<string> ValueOptions => [PasswordFileOption.Name];

    public IReadOnlyCollection<string> Flags => [PasswordPrompt.Flag];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var user = AccountStore.NormalizeUserName(UsersCommandLine.SingleUser(context.Line));
        var given = PasswordPrompt.FromOptions(context);
        var password = given ?? GeneratedPassword.New();
        if (!AccountStore.Open(context.Data).SetPassword(user, password))
        {
            context.Error.WriteLine($"healthstats users reset: no account named '{user}'");
            return Task.FromResult(1);
        }
        context.Out.WriteLine(given is null
            ? $"new password for {user} (stored hashed, not shown again); its open sessions are signed out:\n{password}"
            : $"password of {user} reset; its open sessions are signed out");
        return Task.FromResult(0);
    }
}
