using HealthStats.Etl.Accounts;

namespace HealthStats.Cli.Commands;

internal sealed class UsersRemoveCommand : ICommand
{
    public string Name => "users remove";

    public string Summary => "Removes a local account; its open sessions end at their next request.";

    public string Usage => "usage: healthstats users remove USER";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var user = AccountStore.NormalizeUserName(UsersCommandLine.SingleUser(context.Line));
        if (!AccountStore.Open(context.Data).Remove(user))
        {
            context.Error.WriteLine($"healthstats users remove: no account named '{user}'");
            return Task.FromResult(1);
        }
        context.Out.WriteLine($"removed {user}");
        return Task.FromResult(0);
    }
}
