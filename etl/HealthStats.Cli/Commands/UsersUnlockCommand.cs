using HealthStats.Etl.Accounts;

namespace HealthStats.Cli.Commands;

internal sealed class UsersUnlockCommand : ICommand
{
    public string Name => "users unlock";

    public string Summary => "Unlocks an account locked by failed sign-ins, keeping its password.";

    public string Usage => "usage: healthstats users unlock USER";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var user = AccountStore.NormalizeUserName(UsersCommandLine.SingleUser(context.Line));
        if (!AccountStore.Open(context.Data).Unlock(user))
        {
            context.Error.WriteLine($"healthstats users unlock: no account named '{user}'");
            return Task.FromResult(1);
        }
        context.Out.WriteLine($"unlocked {user}");
        return Task.FromResult(0);
    }
}
