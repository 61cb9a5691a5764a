using System.Text.Json;
using HealthStats.Etl.Accounts;

namespace HealthStats.Cli.Commands;

internal sealed class UsersListCommand : ICommand
{
    public string Name => "users list";

    public string Summary => "Lists local accounts: role, created, last sign-in, locked until.";

    public string Usage =>
        "usage: healthstats users list [--json]\n" +
        "  --json   an array of {user, role, created_at, last_sign_in_at, failed_sign_ins, locked_until}";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => ["json"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{context.Line.Positional[0]}'");
        var accounts = AccountStore.Open(context.Data).List();
        var now = DateTimeOffset.UtcNow;
        if (context.Line.Flag("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(accounts.Select(a => new
            {
                user = a.UserName, role = a.Role, created_at = a.CreatedAt, last_sign_in_at = a.LastSignInAt,
                failed_sign_ins = a.FailedSignIns, locked_until = a.IsLockedAt(now) ? a.LockedUntil : null,
            })));
            return Task.FromResult(0);
        }
        context.Out.WriteLine($"{"user",-24} {"role",-10} {"created (UTC)",-16}  {"last sign-in",-16}  locked until");
        foreach (var a in accounts)
            context.Out.WriteLine($"{a.UserName,-24} {a.Role,-10} {a.CreatedAt:yyyy-MM-dd HH:mm}  {(a.LastSignInAt is { } last ? last.ToString("yyyy-MM-dd HH:mm") : "never"),-16}  {(a.IsLockedAt(now) ? a.LockedUntil!.Value.ToString("yyyy-MM-dd HH:mm") : "")}");
        return Task.FromResult(0);
    }
}
