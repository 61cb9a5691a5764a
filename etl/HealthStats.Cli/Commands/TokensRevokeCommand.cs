using HealthStats.Etl.ApiTokens;

namespace HealthStats.Cli.Commands;

internal sealed class TokensRevokeCommand : ICommand
{
    public string Name => "tokens revoke";

    public string Summary => "Revokes an extract API token by its id; its next request is refused, even while the dashboard runs.";

    public string Usage => "usage: healthstats tokens revoke ID   (the id that `tokens list` shows)";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var id = context.Line.Positional.Count switch
        {
            1 => context.Line.Positional[0],
            0 => throw new UsageException("name the token: ID"),
            _ => throw new UsageException($"unexpected argument '{context.Line.Positional[1]}'"),
        };
        if (!ApiTokenStore.Open(context.Data).Revoke(id))
        {
            context.Error.WriteLine($"healthstats tokens revoke: no token with id '{id}'");
            return Task.FromResult(1);
        }
        // Audit log: token revoked.
        context.ExtractEvents.TokenRevoked(id, Environment.UserName);
        context.Out.WriteLine($"revoked {id}");
        return Task.FromResult(0);
    }
}
